import { describe, expect, it } from 'vitest';
import { AppendNotifier } from './append-notifier.js';

describe('AppendNotifier', () => {
  it('wakes a waiter with the bytes appended to a partition it reads', () => {
    const n = new AppendNotifier();
    const seen: number[] = [];
    n.subscribe([['a', 0]], (b) => seen.push(b));
    n.appended('a', 1, 10);
    n.appended('a', 0, 7);
    expect(seen).toEqual([7]);
  });

  it('wakes every waiter on a deleted topic once, and no waiter on another topic', () => {
    const n = new AppendNotifier();
    const woken: string[] = [];
    n.subscribe([['gone', 0], ['gone', 3]], () => woken.push('both'));
    n.subscribe([['gone', 1]], (b) => woken.push(`one:${b}`));
    n.subscribe([['gone-too', 0], ['kept', 0]], () => woken.push('other'));
    n.topicDeleted('gone');
    expect(woken.sort()).toEqual(['both', 'one:Infinity']);
  });

  it('forgets a waiter once it unsubscribes', () => {
    const n = new AppendNotifier();
    let calls = 0;
    const stop = n.subscribe([['t', 0]], () => calls++);
    stop();
    n.topicDeleted('t');
    n.appended('t', 0, 1);
    expect(calls).toBe(0);
  });
});
