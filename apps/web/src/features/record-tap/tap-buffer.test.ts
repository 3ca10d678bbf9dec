import { describe, expect, it } from 'vitest';
import { addDropped, addRecords, emptyTapBuffer, pause, replaceRecords, resume, TAP_CAPACITY } from './tap-buffer.js';
import type { TapRecord } from './tap-record.js';

const rec = (uid: number): TapRecord => ({ uid: String(uid), key: { format: 'string', value: `k${uid}` }, value: { format: 'json', value: { n: uid } }, headers: {} });
const uids = (list: TapRecord[]) => list.map((r) => Number(r.uid));

describe('tap buffer', () => {
  it('shows the newest first and keeps at most 50', () => {
    let buffer = addRecords(emptyTapBuffer, [rec(1), rec(2)]);
    expect(uids(buffer.shown)).toEqual([2, 1]);
    buffer = addRecords(buffer, Array.from({ length: 60 }, (_, i) => rec(i + 3)));
    expect(buffer.shown).toHaveLength(TAP_CAPACITY);
    expect(uids(buffer.shown)[0]).toBe(62);
    expect(uids(buffer.shown).at(-1)).toBe(13);
  });

  it('ignores a record it already has (a reconnect replays the buffered ones)', () => {
    const buffer = addRecords(addRecords(emptyTapBuffer, [rec(1), rec(2)]), [rec(2), rec(3)]);
    expect(uids(buffer.shown)).toEqual([3, 2, 1]);
  });

  it('freezes the list while paused and shows what arrived on resume', () => {
    let buffer = pause(addRecords(emptyTapBuffer, [rec(1)]));
    buffer = addRecords(buffer, [rec(2), rec(3)]);
    expect(uids(buffer.shown)).toEqual([1]);
    expect(uids(buffer.held)).toEqual([3, 2]);
    buffer = resume(buffer);
    expect(buffer.paused).toBe(false);
    expect(uids(buffer.shown)).toEqual([3, 2, 1]);
    expect(buffer.held).toEqual([]);
  });

  it('counts records pushed out while paused as dropped, and adds the server’s drops', () => {
    let buffer = pause(emptyTapBuffer);
    buffer = addRecords(buffer, Array.from({ length: TAP_CAPACITY + 5 }, (_, i) => rec(i)));
    expect(buffer.dropped).toBe(5);
    buffer = addDropped(buffer, 7);
    expect(buffer.dropped).toBe(12);
  });

  it('replaces the list from a peek unless paused', () => {
    const buffer = replaceRecords(emptyTapBuffer, [rec(9), rec(8)]);
    expect(uids(buffer.shown)).toEqual([9, 8]);
    expect(uids(replaceRecords(pause(buffer), [rec(10)]).shown)).toEqual([9, 8]);
  });
});
