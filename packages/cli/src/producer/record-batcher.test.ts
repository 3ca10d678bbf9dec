import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordBatcher, type BatcherOptions } from './record-batcher.js';

/** A send function whose calls the test completes by hand. */
function manualSend() {
  const calls: Array<{ batch: string[]; resolve: () => void; reject: (e: Error) => void }> = [];
  const send = (batch: string[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ batch, resolve, reject });
    });
  return { calls, send };
}

function batcher(overrides: Partial<BatcherOptions<string>>) {
  return new RecordBatcher<string>({
    maxRecords: 3,
    maxBytes: 1_000_000,
    lingerMs: 1000,
    sizeOf: (r) => r.length,
    send: async () => undefined,
    ...overrides,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RecordBatcher', () => {
  it('sends full batches by count, in order, and the rest on flush', async () => {
    const sent: string[][] = [];
    const b = batcher({ send: async (batch) => void sent.push(batch) });
    for (const r of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) await b.add(r);
    await b.flush();
    expect(sent).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
    expect(b.acknowledged).toBe(7);
    expect(b.pending).toBe(0);
  });

  it('sends when the buffered bytes reach the limit', async () => {
    const sent: string[][] = [];
    const b = batcher({ maxRecords: 100, maxBytes: 5, send: async (batch) => void sent.push(batch) });
    for (const r of ['aa', 'bb', 'cc', 'd']) await b.add(r);
    await b.flush();
    expect(sent).toEqual([['aa', 'bb', 'cc'], ['d']]);
  });

  it('sends a partial batch once the linger time passes', async () => {
    vi.useFakeTimers();
    const sent: string[][] = [];
    const b = batcher({ maxRecords: 100, lingerMs: 50, send: async (batch) => void sent.push(batch) });
    await b.add('a');
    await b.add('b');
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([['a', 'b']]);
    expect(b.acknowledged).toBe(2);
  });

  it('keeps one batch in flight while the next fills, then makes add wait', async () => {
    const { calls, send } = manualSend();
    const b = batcher({ maxRecords: 2, send });
    await b.add('a');
    await b.add('b'); // first batch goes out; nothing was in flight before it
    expect(calls.map((c) => c.batch)).toEqual([['a', 'b']]);
    await b.add('c');
    let fourthAdded = false;
    const fourth = b.add('d').then(() => (fourthAdded = true));
    await Promise.resolve();
    await Promise.resolve();
    // The second batch cannot start before the first is acknowledged, so add('d') waits.
    expect(fourthAdded).toBe(false);
    expect(calls).toHaveLength(1);
    calls[0].resolve();
    await fourth;
    expect(fourthAdded).toBe(true);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].batch).toEqual(['c', 'd']);
    calls[1].resolve();
    await b.flush();
    expect(b.acknowledged).toBe(4);
  });

  it('stops sending after a failure and rethrows it from add and flush', async () => {
    const sent: string[][] = [];
    let fail = true;
    const b = batcher({
      maxRecords: 1,
      send: async (batch) => {
        if (fail) {
          fail = false;
          throw new Error('broker said no');
        }
        sent.push(batch);
      },
    });
    await b.add('a');
    await expect(b.add('b')).rejects.toThrow('broker said no');
    await expect(b.flush()).rejects.toThrow('broker said no');
    expect(sent).toEqual([]);
    expect(b.acknowledged).toBe(0);
  });

  it('flush with nothing buffered resolves at once', async () => {
    const send = vi.fn(async () => undefined);
    const b = batcher({ send });
    await b.flush();
    expect(send).not.toHaveBeenCalled();
  });
});
