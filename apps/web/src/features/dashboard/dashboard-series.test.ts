import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../infrastructure/live/index.js';
import { dashboardSeries, sparklinePoints, visibleSpan } from './dashboard-series.js';

const point = (t: number, inRate: number, lag: Record<string, number> = {}): HistoryPoint => ({
  t,
  in: inRate,
  out: inRate / 10,
  errors: 0,
  lagByTopic: lag,
  lag: Object.values(lag).reduce((a, b) => a + b, 0),
  p50: 3,
  p99: 9,
});

describe('dashboardSeries', () => {
  it('lays the history out in columns per chart', () => {
    const series = dashboardSeries([point(10, 20, { a: 5 }), point(11, 30, { a: 2, b: 1 })]);
    expect(series.throughput).toEqual([[10, 11], [20, 30], [2, 3]]);
    expect(series.latency).toEqual([[10, 11], [3, 3], [9, 9]]);
    expect(series.lagTopics).toEqual(['a', 'b']);
    expect(series.lag).toEqual([[10, 11], [5, 2], [null, 1]]);
  });

  it('is empty columns without history', () => {
    expect(dashboardSeries([]).throughput).toEqual([[], [], []]);
  });
});

describe('visibleSpan', () => {
  it('spans the history there is, at least a minute, at most the window', () => {
    expect(visibleSpan([], 900)).toBe(60);
    expect(visibleSpan([0, 5], 900)).toBe(60);
    expect(visibleSpan([0, 300], 900)).toBe(300);
    expect(visibleSpan([0, 2000], 900)).toBe(900);
  });
});

describe('sparklinePoints', () => {
  it('scales the recent in-rate into the box, peak at the top', () => {
    expect(sparklinePoints([point(0, 0), point(60, 10), point(120, 5)], 120, 100, 20)).toBe('0.0,19.0 50.0,1.0 100.0,10.0');
  });

  it('leaves older points out and draws nothing without history', () => {
    expect(sparklinePoints([point(0, 100), point(200, 1), point(300, 1)], 120, 100, 20).split(' ')).toHaveLength(2);
    expect(sparklinePoints([], 10, 100, 20)).toBe('');
  });
});
