import { spawn } from 'node:child_process';
import { UNDECODABLE_BATCH_HEADER } from '@sluice/kafka-codecs';
import { validatePipeline, type Pipeline } from '@sluice/topology';
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { PipelineRunner } from '../src/index.js';
import { createTopic, readTopic, until, endOffsets, useBroker } from './helpers.js';

const env = useBroker();
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

function kcatProduce(topic: string, codec: string, lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', ['-b', env.broker.bootstrap, '-P', '-t', topic, '-K', ':', '-z', codec, '-X', 'linger.ms=50'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}: ${stderr}`))));
    child.stdin.end(lines.join('\n') + '\n');
  });
}

function pipeline(input: string, output: string): Pipeline {
  const result = validatePipeline({
    schemaVersion: 1,
    name: 'codecs',
    nodes: [
      { id: 'in', type: 'source', config: { topic: input, startFrom: 'earliest' } },
      { id: 'tag', type: 'map', config: { expression: '{"codec": value.codec, "n": value.n}' } },
      { id: 'out', type: 'sink', config: { topic: output, compression: 'zstd' } },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'tag' },
      { id: 'e2', source: 'tag', target: 'out' },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

describe('a pipeline over records in every codec', () => {
  it('reads kcat batches of all five codecs, writes zstd, and dead-letters a corrupt batch with its offsets', async () => {
    await createTopic(env.admin, 'mixed-codecs', 2);
    const perCodec = 300;
    for (const codec of CODECS) {
      await kcatProduce('mixed-codecs', codec, Array.from({ length: perCodec }, (_, n) => `k${n % 7}:${JSON.stringify({ codec, n })}`));
    }
    // One zstd batch of garbage, written by swapping kafkajs's zstd codec for the send only.
    const table = kafkajs.CompressionCodecs as unknown as Record<number, () => unknown>;
    const saved = table[kafkajs.CompressionTypes.ZSTD];
    table[kafkajs.CompressionTypes.ZSTD] = () => ({ compress: async () => Buffer.from('garbage'), decompress: async (b: Buffer) => b });
    const producer = env.kafka.producer();
    await producer.connect();
    try {
      await producer.send({
        topic: 'mixed-codecs',
        compression: kafkajs.CompressionTypes.ZSTD,
        messages: [0, 1, 2].map((n) => ({ partition: 0, value: JSON.stringify({ codec: 'bad', n }) })),
      });
    } finally {
      table[kafkajs.CompressionTypes.ZSTD] = saved!;
      await producer.disconnect();
    }
    const badAt = (await endOffsets(env.admin, 'mixed-codecs'))[0]! - 3;

    const runner = PipelineRunner.fromPipeline(pipeline('mixed-codecs', 'codecs-out'), { pipelineId: 'codecs', brokers: [env.broker.bootstrap] });
    await runner.start();
    try {
      await until(async () => (await readTopic(env.kafka, env.admin, 'codecs-out')).length === perCodec * CODECS.length, 'every record');
      await until(async () => (await readTopic(env.kafka, env.admin, 'codecs.dlq')).length === 1, 'the dead letter');
      expect(runner.state).toBe('running');
    } finally {
      await runner.stop();
    }
    const out = await readTopic(env.kafka, env.admin, 'codecs-out');
    for (const codec of CODECS) {
      const ns = out.map((r) => JSON.parse(r.value!.toString())).filter((v) => v.codec === codec).map((v) => v.n as number);
      expect(ns.sort((a, b) => a - b)).toEqual(Array.from({ length: perCodec }, (_, n) => n));
    }
    const [dead] = await readTopic(env.kafka, env.admin, 'codecs.dlq');
    expect(dead!.value!.toString()).toBe('garbage');
    expect(dead!.headers['sluice.node']).toBe('in');
    expect(dead!.headers['sluice.source.offset']).toBe(String(badAt));
    expect(dead!.headers['sluice.error']).toMatch(new RegExp(`^zstd batch at offsets ${badAt}-${badAt + 2} \\(3 records\\) could not be decompressed`));
    expect(dead!.headers[UNDECODABLE_BATCH_HEADER]).toBe(dead!.headers['sluice.error']);
  }, 120_000);
});
