import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.js';

describe('LatencyHistogram', () => {
  it('is all zeros when empty', () => {
    expect(new LatencyHistogram().summary()).toEqual({ count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 });
  });

  it('reports percentiles within the bucket precision', () => {
    const h = new LatencyHistogram();
    for (let ms = 1; ms <= 1000; ms++) h.record(ms);
    const s = h.summary();
    expect(s.count).toBe(1000);
    expect(s.min).toBe(1);
    expect(s.max).toBe(1000);
    expect(s.mean).toBeCloseTo(500.5, 5);
    expect(s.p50).toBeGreaterThanOrEqual(500);
    expect(s.p50).toBeLessThanOrEqual(500 * 1.07);
    expect(s.p99).toBeGreaterThanOrEqual(990);
    expect(s.p99).toBeLessThanOrEqual(1000);
  });

  it('separates a slow tail from the bulk', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 980; i++) h.record(2);
    for (let i = 0; i < 20; i++) h.record(250);
    expect(h.percentile(50)).toBeLessThan(2.2);
    expect(h.percentile(99)).toBeGreaterThanOrEqual(250);
    expect(h.percentile(99)).toBeLessThan(270);
  });

  it('counts negative latencies (clock skew) as zero and caps huge ones', () => {
    const h = new LatencyHistogram();
    h.record(-5);
    h.record(1e12);
    expect(h.summary().min).toBe(0);
    expect(h.summary().max).toBeCloseTo(0xffffffff / 1000, 3);
  });

  it('keeps sub-millisecond precision and resets', () => {
    const h = new LatencyHistogram();
    h.record(0.004);
    expect(h.percentile(50)).toBe(0.004);
    h.reset();
    expect(h.size).toBe(0);
  });
});
