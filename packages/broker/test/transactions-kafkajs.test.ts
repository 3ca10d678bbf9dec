import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { createTopic, testKafka } from '../src/testing/kafka-helpers.js';

// kafkajs 2.2.4's idempotent producer and transactions (with sendOffsets) against the real broker.

let broker: BrokerProcess;
let kafka: Kafka;

beforeAll(async () => {
  broker = await startBrokerProcess();
  kafka = testKafka(broker.bootstrap, 'txn-kafkajs');
  const admin = kafka.admin();
  await admin.connect();
  for (const t of ['kjs-idem', 'kjs-in', 'kjs-out']) await createTopic(admin, t, 2);
  await admin.disconnect();
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

/** Values read from the beginning until nothing new arrives for a second. */
async function readValues(topic: string, readUncommitted: boolean): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: `read-${topic}-${readUncommitted}-${Date.now()}`, readUncommitted, maxWaitTimeInMs: 100 });
  const values: string[] = [];
  let last = Date.now();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      values.push(message.value!.toString());
      last = Date.now();
    },
  });
  while (values.length === 0 || Date.now() - last < 1000) {
    if (Date.now() - last > 15_000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await consumer.disconnect();
  return values.sort();
}

describe('kafkajs idempotent producer', () => {
  it('writes every record once with consecutive offsets', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent: string[] = [];
    for (let i = 0; i < 20; i++) {
      const messages = Array.from({ length: 50 }, (_, j) => ({ key: `k${j % 4}`, value: `v-${i * 50 + j}` }));
      const results = await producer.send({ topic: 'kjs-idem', acks: -1, messages });
      for (const r of results) expect(r.errorCode).toBe(0);
      sent.push(...messages.map((m) => m.value));
    }
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets('kjs-idem');
    await admin.disconnect();
    expect(ends.reduce((n, p) => n + Number(p.high), 0)).toBe(sent.length);
    expect(await readValues('kjs-idem', false)).toEqual([...sent].sort());
  });
});

describe('kafkajs transactions', () => {
  it('commits records with consumer offsets (sendOffsets) and hides aborted records from read_committed', async () => {
    const producer = kafka.producer({ transactionalId: 'kjs-txn', idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();

    const committed = await producer.transaction();
    await committed.send({ topic: 'kjs-out', messages: [{ key: 'a', value: 'kept-1' }, { key: 'b', value: 'kept-2' }] });
    await committed.sendOffsets({ consumerGroupId: 'kjs-ctp', topics: [{ topic: 'kjs-in', partitions: [{ partition: 0, offset: '7' }] }] });
    await committed.commit();

    const aborted = await producer.transaction();
    await aborted.send({ topic: 'kjs-out', messages: [{ key: 'a', value: 'dropped-1' }] });
    await aborted.sendOffsets({ consumerGroupId: 'kjs-ctp', topics: [{ topic: 'kjs-in', partitions: [{ partition: 0, offset: '99' }] }] });
    await aborted.abort();
    await producer.disconnect();

    expect(await readValues('kjs-out', false)).toEqual(['kept-1', 'kept-2']);
    expect(await readValues('kjs-out', true)).toEqual(['dropped-1', 'kept-1', 'kept-2']);
    const admin = kafka.admin();
    await admin.connect();
    const [offsets] = await admin.fetchOffsets({ groupId: 'kjs-ctp', topics: ['kjs-in'] });
    await admin.disconnect();
    expect(offsets!.partitions.find((p) => p.partition === 0)?.offset).toBe('7');
  });
});
