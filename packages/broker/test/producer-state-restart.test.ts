import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ErrorCode, buildRecordBatch } from '@sluice/kafka-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { createTopic, testKafka } from '../src/testing/kafka-helpers.js';
import { WireClient } from './groups/wire-client.js';
import { PYTHON, run } from './support/run.js';

// Producer state and the transaction coordinator across restarts of the real broker process:
// after `kill -9` (rebuilt from the log and the coordinator's file) and after a clean stop (snapshot).

let brokers: BrokerProcess[] = [];

afterEach(async () => {
  for (const b of brokers) await b.kill();
  brokers[0]?.cleanup();
  brokers = [];
});

async function start(dataDir?: string, port?: number): Promise<BrokerProcess> {
  const b = await startBrokerProcess({ dataDir, port });
  brokers.push(b);
  return b;
}

async function withTopic(b: BrokerProcess, topic: string): Promise<void> {
  const admin = testKafka(b.bootstrap).admin();
  await admin.connect();
  await createTopic(admin, topic, 1);
  await admin.disconnect();
}

const batch = (producerId: number, baseSequence: number, count: number, transactional = false) =>
  buildRecordBatch(
    Array.from({ length: count }, (_, i) => ({ value: `s${baseSequence + i}` })),
    { producerId, producerEpoch: 0, baseSequence, transactional },
  );

async function produce(c: WireClient, topic: string, records: Buffer) {
  const res = await c.request(0, 7, { transactionalId: null, acks: -1, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] });
  const p = res.responses[0]!.partitionResponses[0]!;
  return { errorCode: p.errorCode, baseOffset: Number(p.baseOffset) };
}

async function fetchCommitted(c: WireClient, topic: string) {
  const res = await c.request(1, 11, {
    maxWaitMs: 0,
    minBytes: 0,
    isolationLevel: 1,
    topics: [{ topic, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }],
    forgottenTopicsData: [],
  });
  const p = res.responses[0]!.partitions[0]!;
  return { hw: Number(p.highWatermark), lso: Number(p.lastStableOffset), aborted: p.abortedTransactions };
}

async function latestOffset(c: WireClient, topic: string, isolationLevel: number): Promise<number> {
  const res = await c.request(2, 2, { replicaId: -1, isolationLevel, topics: [{ name: topic, partitions: [{ partitionIndex: 0, timestamp: -1n }] }] });
  return Number(res.topics[0]!.partitions[0]!.offset);
}

describe('producer state across restarts', () => {
  it('answers retried batches with their first offsets after kill -9 and after a clean stop', async () => {
    const first = await start();
    await withTopic(first, 'idem');
    let c = await WireClient.connect(first.host, first.port);
    const { producerId, errorCode } = await c.request(22, 1, { transactionalId: null, transactionTimeoutMs: 0 });
    expect(errorCode).toBe(0);
    const pid = Number(producerId);
    expect(await produce(c, 'idem', batch(pid, 0, 3))).toEqual({ errorCode: 0, baseOffset: 0 });
    expect(await produce(c, 'idem', batch(pid, 3, 3))).toEqual({ errorCode: 0, baseOffset: 3 });
    c.close();

    await first.kill(); // no snapshot yet: rebuilt from the log
    const second = await start(first.dataDir);
    c = await WireClient.connect(second.host, second.port);
    expect(await produce(c, 'idem', batch(pid, 3, 3))).toEqual({ errorCode: 0, baseOffset: 3 });
    expect(await produce(c, 'idem', batch(pid, 0, 3))).toEqual({ errorCode: 0, baseOffset: 0 });
    expect((await produce(c, 'idem', batch(pid, 7, 1))).errorCode).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    expect(await produce(c, 'idem', batch(pid, 6, 2))).toEqual({ errorCode: 0, baseOffset: 6 });
    c.close();

    expect(await second.stop()).toBe(0); // clean: loaded from the snapshot next time
    const third = await start(first.dataDir);
    c = await WireClient.connect(third.host, third.port);
    expect(await produce(c, 'idem', batch(pid, 6, 2))).toEqual({ errorCode: 0, baseOffset: 6 });
    expect(await produce(c, 'idem', batch(pid, 8, 1))).toEqual({ errorCode: 0, baseOffset: 8 });
    expect((await fetchCommitted(c, 'idem')).hw).toBe(9);
    // A new producer id never repeats one handed out before the crash.
    const again = await c.request(22, 1, { transactionalId: null, transactionTimeoutMs: 0 });
    expect(Number(again.producerId)).not.toBe(pid);
    c.close();
  });

  it('keeps an open transaction across kill -9: the last stable offset holds, then EndTxn aborts it and Fetch lists it', async () => {
    const first = await start();
    await withTopic(first, 'txn-crash');
    let c = await WireClient.connect(first.host, first.port);
    const init = await c.request(22, 1, { transactionalId: 'crash-txn', transactionTimeoutMs: 60_000 });
    const pid = Number(init.producerId);
    const add = await c.request(24, 1, {
      v3AndBelowTransactionalId: 'crash-txn',
      v3AndBelowProducerId: init.producerId,
      v3AndBelowProducerEpoch: init.producerEpoch,
      v3AndBelowTopics: [{ name: 'txn-crash', partitions: [0] }],
    });
    expect(add.resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode).toBe(0);
    expect(await produce(c, 'txn-crash', batch(pid, 0, 2, true))).toEqual({ errorCode: 0, baseOffset: 0 });
    expect(await fetchCommitted(c, 'txn-crash')).toMatchObject({ hw: 2, lso: 0 });
    expect(await latestOffset(c, 'txn-crash', 1)).toBe(0); // read_committed: the last stable offset
    expect(await latestOffset(c, 'txn-crash', 0)).toBe(2);
    c.close();

    await first.kill();
    const second = await start(first.dataDir);
    c = await WireClient.connect(second.host, second.port);
    expect(await fetchCommitted(c, 'txn-crash')).toMatchObject({ hw: 2, lso: 0 });
    const end = await c.request(26, 1, { transactionalId: 'crash-txn', producerId: init.producerId, producerEpoch: init.producerEpoch, committed: false });
    expect(end.errorCode).toBe(0);
    const after = await fetchCommitted(c, 'txn-crash');
    expect(after).toMatchObject({ hw: 3, lso: 3 });
    expect(after.aborted).toEqual([{ producerId: init.producerId, firstOffset: 0n }]);
    c.close();
  });

  it('loses and duplicates nothing from a confluent-kafka idempotent producer when the broker is killed mid-stream', async () => {
    const first = await start();
    await withTopic(first, 'idem-crash');
    const script = fileURLToPath(new URL('./clients/confluent_txn.py', import.meta.url));
    const count = 6000;
    const producer = spawn(PYTHON, [script, 'idempotent', first.bootstrap, 'idem-crash', String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Set<string>();
    let stdout = '';
    producer.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      for (const m of d.toString().matchAll(/^ack (\S+)$/gm)) acked.add(m[1]!);
    });
    const exited = new Promise<number | null>((resolve) => producer.once('exit', resolve));
    while (acked.size < 1500) await new Promise((r) => setTimeout(r, 20));
    await first.kill();
    await new Promise((r) => setTimeout(r, 300));
    const second = await start(first.dataDir, first.port);
    expect(await exited).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ errors: [] });

    const read = await run(PYTHON, [script, 'read', second.bootstrap, 'idem-crash', 'read_uncommitted'], undefined, 60_000);
    expect(read.code, read.stderr).toBe(0);
    const values = (JSON.parse(read.stdout.trim().split('\n').pop()!) as { values: string[] }).values;
    expect(values.length).toBe(new Set(values).size); // no duplicate
    expect(acked.size).toBe(count);
    const stored = new Set(values);
    expect([...acked].filter((v) => !stored.has(v))).toEqual([]); // no acknowledged record lost
  });
});
