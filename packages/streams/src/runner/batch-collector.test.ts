import { CompressionTypes, type Producer, type ProducerBatch } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyMetrics } from '../metrics/index.js';
import { BatchCollector } from './batch-collector.js';

// Only sendBatch is used; the collector's logic is what is tested here (the runner's integration
// suite runs it against the real broker).
function recordingProducer(outcome: () => Promise<void>) {
  const calls: ProducerBatch[] = [];
  const producer = { sendBatch: async (batch: ProducerBatch) => (calls.push(batch), outcome().then(() => [])) } as unknown as Producer;
  return { producer, calls };
}

const metrics = () => {
  const b = new StreamsBuilder({ name: 'p' });
  b.stream('in').to('out');
  return new TopologyMetrics(b.build(), () => 10_000);
};

describe('BatchCollector', () => {
  it('sends one call per codec: each sink topic with its own, dead letters uncompressed', async () => {
    const collector = new BatchCollector(metrics());
    collector.send({ topic: 'zipped', key: null, value: Buffer.from('1'), headers: {}, timestamp: 1 }, 'sink');
    collector.send({ topic: 'p.dlq', key: null, value: Buffer.from('bad'), headers: {}, timestamp: 1 }, 'dead-letter');
    const { producer, calls } = recordingProducer(async () => undefined);
    await collector.flush(producer, { compressionOf: (topic) => (topic === 'zipped' ? CompressionTypes.ZSTD : CompressionTypes.None) });
    expect(calls.map((c) => [c.compression, c.topicMessages!.map((t) => t.topic)])).toEqual([
      [CompressionTypes.ZSTD, ['zipped']],
      [CompressionTypes.None, ['p.dlq']],
    ]);
  });

  it('sends everything collected as one acks=all call, grouped by topic, in order', async () => {
    const m = metrics();
    const collector = new BatchCollector(m);
    collector.send({ topic: 'out', key: null, value: Buffer.from('1'), headers: {}, timestamp: 9_000 }, 'sink');
    collector.send({ topic: 'p.dlq', key: null, value: Buffer.from('bad'), headers: {}, timestamp: 9_500 }, 'dead-letter');
    collector.send({ topic: 'out', key: null, value: Buffer.from('2'), headers: {}, timestamp: 9_900 }, 'sink');
    expect(collector.size).toBe(3);
    const { producer, calls } = recordingProducer(async () => undefined);
    await collector.flush(producer, { compressionOf: () => CompressionTypes.None });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.acks).toBe(-1);
    expect(calls[0]!.compression).toBe(CompressionTypes.None);
    expect(calls[0]!.topicMessages!.map((t) => [t.topic, t.messages.map((x) => String(x.value))])).toEqual([
      ['out', ['1', '2']],
      ['p.dlq', ['bad']],
    ]);
    expect(collector.size).toBe(0);
    const snapshot = m.snapshot();
    expect(snapshot.recordsProduced).toBe(2);
    expect(snapshot.deadLettersProduced).toBe(1);
    expect(snapshot.latencyMs.count).toBe(2);
  });

  it('counts nothing as produced when the produce call fails', async () => {
    const m = metrics();
    const collector = new BatchCollector(m);
    collector.send({ topic: 'out', key: null, value: null, headers: {}, timestamp: 1 }, 'sink');
    const { producer } = recordingProducer(async () => {
      throw new Error('broker gone');
    });
    await expect(collector.flush(producer, { compressionOf: () => CompressionTypes.None })).rejects.toThrow('broker gone');
    expect(m.snapshot().recordsProduced).toBe(0);
  });

  it('makes no call when nothing was collected', async () => {
    const { producer, calls } = recordingProducer(async () => undefined);
    await new BatchCollector(metrics()).flush(producer, { compressionOf: () => CompressionTypes.None });
    expect(calls).toHaveLength(0);
  });

  it('discards what it holds when the batch is to be processed again', async () => {
    const collector = new BatchCollector(metrics());
    collector.send({ topic: 'out', key: null, value: null, headers: {}, timestamp: 1 }, 'sink');
    collector.discard();
    const { producer, calls } = recordingProducer(async () => undefined);
    await collector.flush(producer, { compressionOf: () => CompressionTypes.None });
    expect(calls).toHaveLength(0);
  });
});
