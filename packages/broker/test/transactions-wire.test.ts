import { ErrorCode, buildRecordBatch } from '@sluice/kafka-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { createTopic, testKafka } from '../src/testing/kafka-helpers.js';
import { WireClient } from './groups/wire-client.js';

// Transaction requests a well-behaved client never sends on purpose, at the wire level.

let broker: BrokerProcess;
let c: WireClient;

beforeAll(async () => {
  broker = await startBrokerProcess();
  const admin = testKafka(broker.bootstrap).admin();
  await admin.connect();
  for (const t of ['wire-lso', 'wire-txn']) await createTopic(admin, t, 1);
  await admin.disconnect();
  c = await WireClient.connect(broker.host, broker.port);
});

afterAll(async () => {
  c?.close();
  await broker?.stop();
  broker?.cleanup();
});

async function init(transactionalId: string) {
  const r = await c.request(22, 1, { transactionalId, transactionTimeoutMs: 60_000 });
  expect(r.errorCode).toBe(0);
  return { producerId: r.producerId, producerEpoch: r.producerEpoch };
}

async function addPartition(transactionalId: string, p: { producerId: bigint; producerEpoch: number }, topic: string) {
  const r = await c.request(24, 1, {
    v3AndBelowTransactionalId: transactionalId,
    v3AndBelowProducerId: p.producerId,
    v3AndBelowProducerEpoch: p.producerEpoch,
    v3AndBelowTopics: [{ name: topic, partitions: [0] }],
  });
  return r.resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode;
}

async function produceTxn(p: { producerId: bigint; producerEpoch: number }, topic: string, seq: number) {
  const records = buildRecordBatch([{ value: `t${seq}` }], { producerId: Number(p.producerId), producerEpoch: p.producerEpoch, baseSequence: seq, transactional: true });
  const r = await c.request(0, 7, { transactionalId: null, acks: -1, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] });
  return r.responses[0]!.partitionResponses[0]!.errorCode;
}

describe('transactions on the wire', () => {
  it('refuses a transactional write to a partition not added to the transaction (INVALID_TXN_STATE)', async () => {
    const p = await init('wire-unadded');
    expect(await produceTxn(p, 'wire-txn', 0)).toBe(ErrorCode.INVALID_TXN_STATE);
    expect(await addPartition('wire-unadded', p, 'no-such-topic')).toBe(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });

  it('holds a read_committed fetch through writes of an open transaction and answers it at the commit', async () => {
    const p = await init('wire-lso');
    expect(await addPartition('wire-lso', p, 'wire-lso')).toBe(0);
    const reader = await WireClient.connect(broker.host, broker.port);
    const fetching = reader.request(1, 11, {
      maxWaitMs: 20_000,
      minBytes: 1,
      isolationLevel: 1,
      topics: [{ topic: 'wire-lso', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }],
      forgottenTopicsData: [],
    });
    expect(await produceTxn(p, 'wire-lso', 0)).toBe(0);
    expect(await produceTxn(p, 'wire-lso', 1)).toBe(0);
    const end = await c.request(26, 1, { transactionalId: 'wire-lso', producerId: p.producerId, producerEpoch: p.producerEpoch, committed: true });
    expect(end.errorCode).toBe(0);
    const part = (await fetching).responses[0]!.partitions[0]!;
    reader.close();
    expect(part.lastStableOffset).toBe(3n);
    expect(part.records?.length ?? 0).toBeGreaterThan(0); // not an empty answer woken by the uncommitted writes
    expect(part.abortedTransactions).toEqual([]);
  });

  it('checks the member and generation of a TxnOffsetCommit v3 against the group (KIP-447)', async () => {
    const p = await init('wire-447');
    const added = await c.request(25, 1, { transactionalId: 'wire-447', producerId: p.producerId, producerEpoch: p.producerEpoch, groupId: 'g447' });
    expect(added.errorCode).toBe(0);
    const commit = (generationId: number, memberId: string) =>
      c.request(28, 3, {
        transactionalId: 'wire-447',
        groupId: 'g447',
        producerId: p.producerId,
        producerEpoch: p.producerEpoch,
        generationId,
        memberId,
        groupInstanceId: null,
        topics: [{ name: 'wire-txn', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }],
      });
    const refused = await commit(4, 'not-a-member');
    expect(refused.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    const outside = await commit(-1, ''); // no generation: a commit from outside group management
    expect(outside.topics[0]!.partitions[0]!.errorCode).toBe(ErrorCode.NONE);
  });
});
