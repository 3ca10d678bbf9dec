import { validatePipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { compilePipeline } from '../compiler/index.js';
import { TopologyMetrics } from '../metrics/index.js';
import type { ConsumedRecord, ProducedRecord } from '../record.js';
import { StreamTask } from '../task/index.js';
import { RecordSampler } from './record-sampler.js';
import { RecordTaps } from './record-taps.js';

const pipeline = {
  schemaVersion: 1,
  name: 'taps',
  nodes: [
    { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: 'raw', format: 'json' } },
    { id: 'hot', type: 'filter', position: { x: 0, y: 0 }, config: { expression: 'value.t > 40' } },
    { id: 'out', type: 'sink', position: { x: 0, y: 0 }, config: { topic: 'hot', format: 'json' } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'hot' },
    { id: 'e2', source: 'hot', target: 'out' },
  ],
};

function topology() {
  const result = validatePipeline(pipeline);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return compilePipeline(result.pipeline);
}

function task() {
  const topology_ = topology();
  const metrics = new TopologyMetrics(topology_);
  const produced: ProducedRecord[] = [];
  const t = new StreamTask(topology_, { topic: 'raw', partition: 0 }, { collector: { send: (r) => produced.push(r) }, metrics });
  let offset = 0;
  const feed = (t_: number) => {
    const record: ConsumedRecord = {
      key: Buffer.from(`k${offset}`),
      value: Buffer.from(JSON.stringify({ t: t_ })),
      headers: {},
      topic: 'raw',
      partition: 0,
      offset: offset++,
      timestamp: 1_000,
    };
    t.process(record);
  };
  return { taps: metrics.taps, feed, produced };
}

describe('RecordSampler', () => {
  it('drains what passed since the last drain, oldest first, and counts what the ring lost', () => {
    const s = new RecordSampler(3);
    const rec = (offset: number) => ({ key: null, value: offset, headers: {}, topic: 't', partition: 0, offset, timestamp: 0 });
    for (let i = 0; i < 2; i++) s.add(rec(i));
    expect(s.drain()).toEqual({ records: [rec(0), rec(1)], missed: 0 });
    expect(s.drain()).toEqual({ records: [], missed: 0 });
    for (let i = 2; i < 9; i++) s.add(rec(i));
    const { records, missed } = s.drain();
    expect(records.map((r) => r.offset)).toEqual([6, 7, 8]);
    expect(missed).toBe(4);
    expect(s.passed).toBe(9);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RecordSampler(0)).toThrow(/at least 1/);
  });
});

describe('RecordTaps', () => {
  it('samples nothing until a place is tapped', () => {
    const { taps, feed } = task();
    expect(taps.active).toBe(false);
    feed(50);
    expect(taps.drain()).toEqual([]);
    expect(taps.nodes.every((s) => s === undefined) && taps.edges.every((s) => s === undefined)).toBe(true);
  });

  it('keeps the records entering a tapped node and crossing a tapped edge, as the node sees them', () => {
    const { taps, feed } = task();
    taps.start({ node: 'in' });
    taps.start({ edge: 'e2' });
    feed(10);
    feed(45);
    const batches = taps.drain();
    expect(batches.map((b) => b.target)).toEqual([{ node: 'in' }, { edge: 'e2' }]);
    // The source sees the bytes as consumed; after it, values are decoded.
    expect(batches[0]!.records.map((r) => (r.value as Buffer).toString())).toEqual(['{"t":10}', '{"t":45}']);
    expect(batches[1]!.records.map((r) => r.value)).toEqual([{ t: 45 }]);
    expect(batches[1]!.records[0]).toMatchObject({ topic: 'raw', partition: 0, offset: 1, timestamp: 1_000 });
    expect(taps.tapped()).toEqual([{ node: 'in' }, { edge: 'e2' }]);
  });

  it('stops sampling when the last tap stops', () => {
    const { taps, feed } = task();
    taps.start({ node: 'hot' });
    taps.start({ node: 'hot' }); // tapping twice is one tap
    taps.stop({ node: 'hot' });
    expect(taps.active).toBe(false);
    feed(99);
    expect(taps.drain()).toEqual([]);
  });

  it('reports records pushed out of the ring between drains', () => {
    const { taps, feed } = task();
    taps.start({ edge: 'e1' });
    for (let i = 0; i < 60; i++) feed(i);
    const [batch] = taps.drain();
    expect(batch!.records).toHaveLength(50);
    expect(batch!.missed).toBe(10);
    expect(batch!.records[0]!.offset).toBe(10);
  });

  it('names an unknown node or edge', () => {
    const taps = new RecordTaps(topology());
    expect(() => taps.start({ node: 'nope' })).toThrow(/has no node "nope"/);
    expect(() => taps.start({ edge: 'e9' })).toThrow(/has no edge "e9"/);
  });
});
