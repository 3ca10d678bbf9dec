import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveConnection, reconnectDelay, type ConnectionState, type EventSourceLike } from './live-connection.js';
import type { LiveSnapshot } from './live-schema.js';

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
  fail(readyState: 0 | 2): void {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}

const snapshot = (n: number) => JSON.stringify({ at: new Date(n * 1000).toISOString(), pipelines: [] });

describe('reconnectDelay', () => {
  it('doubles from the first wait up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => reconnectDelay(a))).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(reconnectDelay(2, 100, 250)).toBe(250);
  });
});

describe('LiveConnection', () => {
  let sources: FakeSource[];
  let states: ConnectionState[];
  let snapshots: LiveSnapshot[];
  let connection: LiveConnection;

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    states = [];
    snapshots = [];
    connection = new LiveConnection({
      url: '/api/live',
      createSource: (url) => {
        const source = new FakeSource(url);
        sources.push(source);
        return source;
      },
      onSnapshot: (s) => snapshots.push(s),
      onState: (s) => states.push(s),
      staleAfterMs: 10_000,
    });
  });
  afterEach(() => {
    connection.stop();
    vi.useRealTimers();
  });

  it('delivers snapshots and reports the stream open', () => {
    connection.start();
    sources[0]!.open();
    sources[0]!.emit('snapshot', snapshot(1));
    sources[0]!.emit('snapshot', 'garbage');
    expect(snapshots).toHaveLength(1);
    expect(states).toEqual(['connecting', 'open']);
  });

  it('leaves a dropped connection to the browser while it retries by itself', () => {
    connection.start();
    sources[0]!.open();
    sources[0]!.fail(0);
    expect(states.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(5_000);
    expect(sources).toHaveLength(1);
  });

  it('reconnects after the browser gives up, waiting longer after each failure in a row', () => {
    connection.start();
    sources[0]!.fail(2);
    vi.advanceTimersByTime(999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    sources[1]!.fail(2);
    vi.advanceTimersByTime(1999);
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(3);
    // A snapshot resets the wait.
    sources[2]!.emit('snapshot', snapshot(1));
    sources[2]!.fail(2);
    vi.advanceTimersByTime(1000);
    expect(sources).toHaveLength(4);
    expect(sources.slice(0, 3).every((s) => s.closed)).toBe(true);
  });

  it('replaces a stream that has gone quiet with the socket still open', () => {
    connection.start();
    sources[0]!.open();
    sources[0]!.emit('snapshot', snapshot(1));
    vi.advanceTimersByTime(9_999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources[0]!.closed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(sources).toHaveLength(2);
    // A late event from the old stream is ignored.
    sources[0]!.emit('snapshot', snapshot(2));
    expect(snapshots).toHaveLength(1);
  });

  it('stops for good: no timers, no new streams', () => {
    connection.start();
    sources[0]!.fail(2);
    connection.stop();
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
    expect(states.at(-1)).toBe('idle');
    expect(vi.getTimerCount()).toBe(0);
  });
});
