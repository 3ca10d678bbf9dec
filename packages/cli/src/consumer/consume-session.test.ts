import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConsumeSession } from './consume-session.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('ConsumeSession', () => {
  it('ends after --max-messages records and refuses more', async () => {
    const s = new ConsumeSession(2);
    s.recordPrinted();
    expect(s.wantsMore()).toBe(true);
    s.recordPrinted();
    expect(s.wantsMore()).toBe(false);
    s.recordPrinted();
    expect(s.count).toBe(2);
    expect(await s.done).toEqual({ reason: 'max-messages' });
  });

  it('with --max-messages 0 is over before it starts', async () => {
    const s = new ConsumeSession(0);
    expect(s.finished).toBe(true);
    expect(await s.done).toEqual({ reason: 'max-messages' });
  });

  it('ends after --timeout-ms without a record, counting from readiness and from each record', async () => {
    vi.useFakeTimers();
    const s = new ConsumeSession(undefined, 100);
    await vi.advanceTimersByTimeAsync(500); // not armed until the consumer is ready
    expect(s.finished).toBe(false);
    s.startIdleTimer();
    await vi.advanceTimersByTimeAsync(90);
    s.recordPrinted(); // a record re-arms the clock
    await vi.advanceTimersByTimeAsync(90);
    expect(s.finished).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(s.finished).toBe(true);
    expect(await s.done).toEqual({ reason: 'timeout' });
    expect(s.count).toBe(1);
  });

  it('keeps the first ending: a signal after the limit changes nothing', async () => {
    const s = new ConsumeSession(1);
    s.recordPrinted();
    s.stop();
    s.fail(new Error('late'));
    expect(await s.done).toEqual({ reason: 'max-messages' });
  });

  it('reports a client failure', async () => {
    const s = new ConsumeSession();
    const error = new Error('coordinator gone');
    s.fail(error);
    expect(await s.done).toEqual({ reason: 'error', error });
  });
});
