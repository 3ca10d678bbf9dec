import { spawnSync } from 'node:child_process';
import { testKafka } from '@sluice/broker/testing';
import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { api, useServerStack } from './helpers.js';

const stack = useServerStack('sluice-codecs-');
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

function kcat(args: string[], input = ''): void {
  const r = spawnSync('kcat', ['-b', stack.broker.bootstrap, ...args], { input, encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`kcat ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
}

/** One batch of garbage marked lz4, written by swapping kafkajs's codec in this test process. */
async function produceCorruptLz4(topic: string, records: number): Promise<void> {
  const table = kafkajs.CompressionCodecs as unknown as Record<number, () => unknown>;
  const saved = table[kafkajs.CompressionTypes.LZ4];
  table[kafkajs.CompressionTypes.LZ4] = () => ({ compress: async () => Buffer.from('garbage'), decompress: async (b: Buffer) => b });
  const producer = testKafka(stack.broker.bootstrap).producer();
  try {
    await producer.connect();
    const messages = Array.from({ length: records }, (_, i) => ({ value: `lost-${i}` }));
    await producer.send({ topic, compression: kafkajs.CompressionTypes.LZ4, messages });
  } finally {
    table[kafkajs.CompressionTypes.LZ4] = saved!;
    await producer.disconnect();
  }
}

describe('topic browser peek', { timeout: 60_000 }, () => {
  it('shows kcat records of all five codecs, and a corrupt batch once with the reason in its headers', async () => {
    expect((await api(stack.server, 'POST', '/api/topics', { name: 'codecs', partitions: 1 })).status).toBe(201);
    const expected: string[] = [];
    for (const codec of CODECS) {
      const lines = Array.from({ length: 20 }, (_, n) => `${codec}-${n}`);
      kcat(['-P', '-t', 'codecs', '-z', codec, '-X', 'linger.ms=50'], lines.join('\n') + '\n');
      expected.push(...lines);
    }
    await produceCorruptLz4('codecs', 5); // offsets 100–104

    const res = await api(stack.server, 'GET', '/api/topics/codecs/messages?partition=0&offset=0&limit=200');
    expect(res.status).toBe(200);
    const messages = res.body.messages as { offset: number; value: { format: string; value: unknown }; headers: Record<string, string> }[];
    expect(messages.slice(0, 100).map((m) => m.value.value)).toEqual(expected);
    expect(messages).toHaveLength(101);
    expect(messages[100]!.offset).toBe(100);
    expect(messages[100]!.value).toEqual({ format: 'string', value: 'garbage' });
    expect(messages[100]!.headers['sluice.undecodable-batch']).toMatch(/^lz4 batch at offsets 100-104 \(5 records\) could not be decompressed: /);
  });
});
