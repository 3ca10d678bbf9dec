import { describe, expect, it } from 'vitest';
import { readSnapshot } from './live-schema.js';
import { createLiveStore } from './live-store.js';
import { snapshotAt, weatherMetrics } from './test-snapshots.js';

describe('live store', () => {
  it('keeps the newest snapshot per pipeline and a history point per second', () => {
    const store = createLiveStore();
    store.getState().ingest(snapshotAt(1_000, weatherMetrics({ in: 20, out: 2, lag: 5 })));
    store.getState().ingest(snapshotAt(2_000, weatherMetrics({ in: 30, out: 3 })));
    const state = store.getState();
    expect(state.pipelines.p1?.metrics?.edges.e1?.recordsPerSec).toBe(30);
    expect(state.historyVersion).toBe(2);
    const points = state.historyOf('p1').toArray();
    expect(points.map((p) => [p.t, p.in, p.out])).toEqual([
      [1, 20, 2],
      [2, 30, 3],
    ]);
    expect(points[0]?.lagByTopic).toEqual({ raw_weather_topic: 5 });
    expect(points[0]?.p99).toBe(12);
  });

  it('caps the history and ignores a repeated snapshot time', () => {
    const store = createLiveStore(3);
    for (let s = 1; s <= 5; s++) store.getState().ingest(snapshotAt(s * 1000, weatherMetrics({ in: s, out: 0 })));
    store.getState().ingest(snapshotAt(5000, weatherMetrics({ in: 99, out: 0 })));
    expect(store.getState().historyOf('p1').toArray().map((p) => p.in)).toEqual([3, 4, 5]);
    expect(store.getState().historyVersion).toBe(5);
  });

  it('forgets the history of a pipeline the server no longer has', () => {
    const store = createLiveStore();
    store.getState().ingest(snapshotAt(1000, weatherMetrics({ in: 1, out: 1 })));
    store.getState().ingest({ at: new Date(2000).toISOString(), pipelines: [] });
    expect(store.getState().pipelines).toEqual({});
    expect(store.getState().historyOf('p1').size).toBe(0);
  });

  it('keeps a stopped pipeline without adding history for it', () => {
    const store = createLiveStore();
    store.getState().ingest(snapshotAt(1000));
    expect(store.getState().pipelines.p1?.status).toBe('running');
    expect(store.getState().historyOf('p1').size).toBe(0);
  });
});

describe('readSnapshot', () => {
  it('reads the server shape and fills numbers a server left out', () => {
    const snapshot = readSnapshot(
      JSON.stringify({ at: '2024-01-01T00:00:00.000Z', pipelines: [{ id: 'a', name: 'A', status: 'running', metrics: { pipelineId: 'a', name: 'A', at: '2024-01-01T00:00:00.000Z', nodes: { n: { recordsIn: 3 } }, edges: {} } }] }),
    );
    expect(snapshot?.pipelines[0]?.metrics?.nodes.n).toMatchObject({ recordsIn: 3, errorsPerSec: 0 });
    expect(snapshot?.pipelines[0]?.metrics?.latencyMs.p99).toBe(0);
  });

  it('answers null for something that is not a snapshot', () => {
    expect(readSnapshot('not json')).toBeNull();
    expect(readSnapshot('{"hello":1}')).toBeNull();
  });
});
