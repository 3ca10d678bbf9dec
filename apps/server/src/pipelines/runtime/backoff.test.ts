import { describe, expect, it } from 'vitest';
import { RestartBackoff } from './backoff.js';

describe('RestartBackoff', () => {
  it('doubles the delay after each quick crash, up to the cap', () => {
    const backoff = new RestartBackoff(1_000, 30_000);
    const delays = Array.from({ length: 8 }, () => backoff.next(100));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts over after a run that lasted at least the cap, or after reset', () => {
    const backoff = new RestartBackoff(500, 4_000);
    backoff.next(0);
    backoff.next(0);
    expect(backoff.next(0)).toBe(2_000);
    expect(backoff.next(4_000)).toBe(500);
    expect(backoff.next(0)).toBe(1_000);
    backoff.reset();
    expect(backoff.next(0)).toBe(500);
  });
});
