import { spawn } from 'node:child_process';
import kafkajs, { type KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTopic, startBrokerProcess, testKafka, type BrokerProcess } from '@sluice/broker/testing';
import {
  CODEC_NAMES,
  compressionType,
  isCoveredByUndecodableBatch,
  registerKafkaCodecs,
  undecodableBatchReason,
  type CodecName,
} from '../src/index.js';

let broker: BrokerProcess;
let kafka: kafkajs.Kafka;

beforeAll(async () => {
  registerKafkaCodecs();
  broker = await startBrokerProcess({ config: { 'num.partitions': 2 } });
  kafka = testKafka(broker.bootstrap);
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

function kcat(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', ['-b', broker.bootstrap, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Reads `count` messages of a topic from the start with a fresh group. */
async function consume(topic: string, count: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: `read-${topic}-${process.hrtime.bigint()}`, maxWaitTimeInMs: 100 });
  const out: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${out.length} of ${count} records of ${topic}`)), 30_000);
      consumer
        .run({
          eachMessage: async ({ message }) => {
            out.push(message);
            if (out.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}

const lines = (codec: string, n: number) => Array.from({ length: n }, (_, i) => `${codec}-${i}`);

describe('kcat-produced topics', () => {
  for (const codec of CODEC_NAMES) {
    it(`reads every record of a ${codec} topic`, async () => {
      const topic = `from-kcat-${codec}`;
      const sent = lines(codec, 2000);
      const res = await kcat(['-P', '-t', topic, '-z', codec, '-X', 'linger.ms=50'], sent.join('\n') + '\n');
      expect(res.code, res.stderr).toBe(0);
      const got = await consume(topic, sent.length);
      expect(got.map((m) => m.value!.toString()).sort()).toEqual([...sent].sort());
    });
  }
});

describe('kafkajs producing with each codec', () => {
  for (const codec of CODEC_NAMES) {
    it(`writes ${codec} batches that kcat reads`, async () => {
      const topic = `to-kcat-${codec}`;
      const admin = kafka.admin();
      await admin.connect();
      await createTopic(admin, topic, 1);
      await admin.disconnect();
      const producer = kafka.producer();
      await producer.connect();
      const sent = lines(codec, 500);
      await producer.send({ topic, compression: compressionType(codec), messages: sent.map((value) => ({ value })) });
      await producer.disconnect();
      const res = await kcat(['-C', '-t', topic, '-o', 'beginning', '-e', '-q']);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout.trim().split('\n')).toEqual(sent);
    });
  }
});

describe('a batch no codec can read', () => {
  // Writes one batch whose compressed bytes are garbage, by swapping the codec for the send only.
  async function produceGarbage(topic: string, codecId: number, records: number): Promise<void> {
    const table = kafkajs.CompressionCodecs as unknown as Record<number, () => unknown>;
    const saved = table[codecId];
    table[codecId] = () => ({ compress: async () => Buffer.from('this is not a compressed block'), decompress: async (b: Buffer) => b });
    const producer = kafka.producer();
    try {
      await producer.connect();
      await producer.send({ topic, compression: codecId as kafkajs.CompressionTypes, messages: lines('bad', records).map((value) => ({ value })) });
    } finally {
      table[codecId] = saved!;
      await producer.disconnect();
    }
  }

  for (const [what, codecId, expected] of [
    ['corrupt zstd', 4, /^zstd batch at offsets 2-6 \(5 records\) could not be decompressed: /],
    ['an unknown codec', 6, /^unknown codec 6 batch at offsets 2-6 \(5 records\) could not be decompressed: .*codec 6/],
  ] as const) {
    it(`reports ${what} once, with its offsets, and reads on past it`, async () => {
      const topic = `garbage-${codecId}`;
      const admin = kafka.admin();
      await admin.connect();
      await createTopic(admin, topic, 1);
      await admin.disconnect();
      const good = kafka.producer();
      await good.connect();
      await good.send({ topic, compression: compressionType('lz4' satisfies CodecName), messages: [{ value: 'a' }, { value: 'b' }] });
      await produceGarbage(topic, codecId, 5);
      await good.send({ topic, messages: [{ value: 'c' }] });
      await good.disconnect();

      const got = await consume(topic, 8);
      expect(got.map((m) => Number(m.offset))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const reason = undecodableBatchReason(got[2]!.headers);
      expect(reason).toMatch(expected);
      // The stand-in keeps the batch's bytes, so a dead letter holds everything that was there.
      expect(got[2]!.value!.toString()).toBe('this is not a compressed block');
      expect(got.slice(3, 7).every((m) => isCoveredByUndecodableBatch(m.headers))).toBe(true);
      expect([got[0], got[1], got[7]].map((m) => m!.value!.toString())).toEqual(['a', 'b', 'c']);
    });
  }
});
