import { describe, expect, it } from 'vitest';
import { catchUpEstimate, describeCatchUp, formatCount, formatDuration, formatLatency, formatRate, MAX_STROKE, MIN_STROKE, rateBand, strokeWidthForRate } from './live-format.js';

describe('formatting', () => {
  it('shortens counts and rates', () => {
    expect([0, -1, NaN, 0.42, 7, 12.6, 999, 1234, 45_600, 3_400_000, 25_000_000].map(formatCount)).toEqual(['0', '0', '0', '0.4', '7', '13', '999', '1.2k', '46k', '3.4M', '25M']);
    expect(formatRate(20)).toBe('20/s');
  });

  it('writes latencies and durations as people read them', () => {
    expect([0, 3.25, 42.4, 1500, 125_000].map(formatLatency)).toEqual(['0 ms', '3.3 ms', '42 ms', '1.5 s', '2 min']);
    expect([0.2, 8, 59.4, 180, 3600, 7500].map(formatDuration)).toEqual(['1 s', '8 s', '59 s', '3 min', '1 h', '2 h 5 min']);
  });
});

describe('rate → edge look', () => {
  it('keeps idle edges thin and grows with the order of magnitude, up to a cap', () => {
    expect(strokeWidthForRate(0)).toBe(MIN_STROKE);
    expect(strokeWidthForRate(-5)).toBe(MIN_STROKE);
    const widths = [1, 10, 100, 1000, 10_000].map(strokeWidthForRate);
    for (let i = 1; i < widths.length; i++) expect(widths[i]!).toBeGreaterThan(widths[i - 1]!);
    expect(strokeWidthForRate(1e12)).toBe(MAX_STROKE);
  });

  it('bands rates for colour', () => {
    expect([0, 0.5, 9.9, 10, 999, 1000].map(rateBand)).toEqual(['idle', 'low', 'low', 'medium', 'medium', 'high']);
  });
});

describe('catchUpEstimate', () => {
  it('is caught up at zero lag', () => {
    expect(catchUpEstimate([{ t: 1, lag: 50 }, { t: 2, lag: 0 }])).toEqual({ kind: 'caught-up' });
  });

  it('divides the lag by the net drain rate', () => {
    // 1000 → 600 over 4 s: draining 100/s, 600 left → 6 s.
    const estimate = catchUpEstimate([
      { t: 10, lag: 1000 },
      { t: 12, lag: 900 },
      { t: 14, lag: 600 },
    ]);
    expect(estimate).toEqual({ kind: 'draining', seconds: 6, drainPerSec: 100 });
    expect(describeCatchUp(estimate)).toBe('catch-up ~6 s');
  });

  it('never catches up while lag holds or grows', () => {
    expect(catchUpEstimate([{ t: 0, lag: 100 }, { t: 5, lag: 150 }])).toEqual({ kind: 'falling-behind', growthPerSec: 10 });
    expect(describeCatchUp(catchUpEstimate([{ t: 0, lag: 100 }, { t: 5, lag: 100 }]))).toBe('not catching up');
  });

  it('needs two moments to say anything about non-zero lag', () => {
    expect(catchUpEstimate([])).toEqual({ kind: 'unknown' });
    expect(catchUpEstimate([{ t: 3, lag: 10 }])).toEqual({ kind: 'unknown' });
  });
});
