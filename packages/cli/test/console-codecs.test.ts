import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import kafkajs from 'kafkajs';
import { kafkaClient, recordCount } from './kafka-client.js';
import { killStragglers, runSluice } from './sluice-process.js';

let broker: BrokerProcess;
let kafka: kafkajs.Kafka;
const sluice = (args: string[], stdin?: string) => runSluice(args, { bootstrap: broker.bootstrap, stdin });
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

function kcat(args: string[], input = ''): string {
  const r = spawnSync('kcat', ['-b', broker.bootstrap, ...args], { input, encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`kcat ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** One batch of garbage marked zstd, written by swapping kafkajs's codec in this test process. */
async function produceCorruptZstd(topic: string, records: number): Promise<void> {
  const table = kafkajs.CompressionCodecs as unknown as Record<number, () => unknown>;
  const saved = table[kafkajs.CompressionTypes.ZSTD];
  table[kafkajs.CompressionTypes.ZSTD] = () => ({ compress: async () => Buffer.from('garbage'), decompress: async (b: Buffer) => b });
  const producer = kafka.producer();
  try {
    await producer.connect();
    const messages = Array.from({ length: records }, (_, i) => ({ value: `lost-${i}` }));
    await producer.send({ topic, compression: kafkajs.CompressionTypes.ZSTD, messages });
  } finally {
    table[kafkajs.CompressionTypes.ZSTD] = saved!;
    await producer.disconnect();
  }
}

beforeAll(async () => {
  broker = await startBrokerProcess();
  kafka = kafkaClient(broker.bootstrap);
}, 30_000);

afterAll(async () => {
  await killStragglers();
  await broker?.stop();
  broker?.cleanup();
});

describe('compression codecs', { timeout: 60_000 }, () => {
  it('console-consumer prints kcat batches of all five codecs and reports a corrupt one with its offsets', async () => {
    expect((await sluice(['topics', '--create', '--topic', 'codecs', '--partitions', '1'])).code).toBe(0);
    const expected: string[] = [];
    for (const [i, codec] of CODECS.entries()) {
      const lines = Array.from({ length: 200 }, (_, n) => `${codec}-${n}`);
      kcat(['-P', '-t', 'codecs', '-z', codec, '-X', 'linger.ms=50'], lines.join('\n') + '\n');
      expected.push(...lines);
      if (i === 1) await produceCorruptZstd('codecs', 4); // offsets 400–403, between gzip and snappy
    }
    const consumed = await sluice(['console-consumer', '--topic', 'codecs', '--from-beginning', '--max-messages', '1000', '--timeout-ms', '20000']);
    expect(consumed.code, consumed.stderr).toBe(0);
    expect(consumed.stdout.trimEnd().split('\n')).toEqual(expected);
    expect(consumed.stderr).toMatch(/^skipped in partition 0: zstd batch at offsets 400-403 \(4 records\) could not be decompressed: .+\n/);
    expect(consumed.stderr).toMatch(/Processed a total of 1000 messages\n$/);
  });

  for (const codec of CODECS) {
    it(`console-producer --compression-codec ${codec} writes batches kcat reads`, async () => {
      const topic = `produced-${codec}`;
      const lines = Array.from({ length: 300 }, (_, n) => `${codec} line ${n}`);
      const produced = await sluice(['console-producer', '--topic', topic, '--compression-codec', codec], lines.join('\n') + '\n');
      expect(produced).toMatchObject({ code: 0, stderr: '' });
      expect(await recordCount(kafka, topic)).toBe(300);
      expect(kcat(['-C', '-t', topic, '-o', 'beginning', '-e', '-q']).trimEnd().split('\n').sort()).toEqual([...lines].sort());
    });
  }
});
