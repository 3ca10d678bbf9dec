import type { LiveSnapshot, PipelineMetrics } from './live-schema.js';

/** A metrics object for tests: source `raw` → filter `hot` → sink `out`, with the given rates. */
export function weatherMetrics(rate: { in: number; out: number; lag?: number; errors?: number }): PipelineMetrics {
  const node = (inPerSec: number, outPerSec: number, errorsPerSec = 0) => ({
    recordsIn: 0,
    recordsOut: 0,
    errors: 0,
    deadLetters: 0,
    skipped: 0,
    recordsInPerSec: inPerSec,
    recordsOutPerSec: outPerSec,
    errorsPerSec,
  });
  return {
    pipelineId: 'p1',
    name: 'extreme-weather',
    at: '2026-01-01T00:00:00.000Z',
    nodes: { raw: node(rate.in, rate.in), hot: node(rate.in, rate.out, rate.errors), out: node(rate.out, rate.out) },
    edges: {
      e1: { source: 'raw', target: 'hot', records: 0, recordsPerSec: rate.in },
      e2: { source: 'hot', target: 'out', records: 0, recordsPerSec: rate.out },
    },
    sources: [
      { topic: 'raw_weather_topic', partition: 0, offset: 0, lag: rate.lag ?? 0 },
      { topic: 'raw_weather_topic', partition: 1, offset: 0, lag: 0 },
    ],
    lag: rate.lag ?? 0,
    latencyMs: { count: 1, min: 1, mean: 5, p50: 4, p90: 8, p99: 12, max: 20 },
    recordsProduced: 0,
    deadLettersProduced: 0,
    recordsProducedPerSec: rate.out,
  };
}

export function snapshotAt(atMs: number, metrics?: PipelineMetrics, id = 'p1'): LiveSnapshot {
  return { at: new Date(atMs).toISOString(), pipelines: [{ id, name: 'extreme-weather', status: 'running', ...(metrics ? { metrics } : {}) }] };
}
