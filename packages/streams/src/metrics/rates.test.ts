import { describe, expect, it } from 'vitest';
import { computeRates } from './rates.js';
import type { MetricsSnapshot } from './topology-metrics.js';

const snapshot = (at: number, recordsIn: number, edge: number, produced: number): MetricsSnapshot => ({
  topology: 't',
  at,
  nodes: { hot: { recordsIn, recordsOut: recordsIn / 2, errors: 0, deadLetters: 0, skipped: 0 } },
  edges: { e1: { source: 'raw', target: 'hot', records: edge } },
  sources: [],
  latencyMs: { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 },
  recordsProduced: produced,
  deadLettersProduced: 0,
});

describe('computeRates', () => {
  it('divides counter growth by the seconds between snapshots', () => {
    const rates = computeRates(snapshot(1000, 100, 100, 10), snapshot(3000, 500, 300, 50));
    expect(rates.intervalSec).toBe(2);
    expect(rates.nodes.hot).toEqual({ recordsInPerSec: 200, recordsOutPerSec: 100, errorsPerSec: 0 });
    expect(rates.edges.e1).toBe(100);
    expect(rates.recordsProducedPerSec).toBe(20);
  });

  it('is zero when no time passed and never negative after a counter reset', () => {
    expect(computeRates(snapshot(1000, 1, 1, 1), snapshot(1000, 9, 9, 9)).edges.e1).toBe(0);
    expect(computeRates(snapshot(1000, 900, 900, 9), snapshot(2000, 5, 5, 1)).nodes.hot!.recordsInPerSec).toBe(0);
  });
});
