import { AssignerProtocol } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, testKafka, type BrokerProcess } from '@sluice/broker/testing';
import { commitAsSoleMember, decodeMemberAssignment, fixedAssignment } from './index.js';

describe('decodeMemberAssignment', () => {
  it('lists the partitions by topic, then partition', () => {
    const bytes = AssignerProtocol.MemberAssignment.encode({ version: 0, assignment: { b: [1, 0], a: [2] }, userData: Buffer.alloc(0) });
    expect(decodeMemberAssignment(bytes)).toEqual([
      { topic: 'a', partition: 2 },
      { topic: 'b', partition: 0 },
      { topic: 'b', partition: 1 },
    ]);
  });

  it('shows nothing for an empty or foreign assignment', () => {
    expect(decodeMemberAssignment(undefined)).toEqual([]);
    expect(decodeMemberAssignment(Buffer.from([0xff]))).toEqual([]);
  });
});

describe('against the broker', () => {
  let broker: BrokerProcess;
  beforeAll(async () => {
    broker = await startBrokerProcess();
  });
  afterAll(async () => {
    await broker?.stop();
    broker?.cleanup();
  });

  it('commits offsets for an inactive group, and a fixed assignment reads only its partitions', async () => {
    const kafka = testKafka(broker.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 't', numPartitions: 3 }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 't', messages: [0, 1, 2].flatMap((p) => [{ partition: p, value: `${p}a` }, { partition: p, value: `${p}b` }]) });
    await producer.disconnect();

    await commitAsSoleMember(kafka, 'g', [
      { topic: 't', partition: 0, offset: 2 },
      { topic: 't', partition: 2, offset: 1n },
    ]);
    const [committed] = await admin.fetchOffsets({ groupId: 'g', topics: ['t'] });
    expect(committed.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset)).toEqual(['2', '-1', '1']);

    const consumer = kafka.consumer({ groupId: 'reader', partitionAssigners: [fixedAssignment('t', [1])], maxWaitTimeInMs: 100 });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: ['t'], fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(message.value!.toString());
          if (seen.length === 2) resolve();
        },
      });
    });
    await consumer.disconnect();
    await admin.disconnect();
    expect(seen).toEqual(['1a', '1b']);
  });
});
