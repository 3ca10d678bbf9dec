import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer, Kafka } from 'kafkajs';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { waitUntil } from './groups/member-process.js';
import { WireClient } from './groups/wire-client.js';
import { testKafka } from '../src/testing/kafka-helpers.js';

// Misbehaving members get Kafka's error codes, and a healthy kafkajs group next to them is not
// disturbed: no rebalance, and it keeps reading.

const TOPIC = 'calm';
let broker: BrokerProcess;
let kafka: Kafka;
let wire: WireClient;
let healthy: Consumer;
let joins = 0;
const read: string[] = [];

const subscription = (topics: string[]) => {
  const parts = [Buffer.from([0, 0, 0, 0, 0, topics.length])];
  for (const t of topics) parts.push(Buffer.from([0, t.length]), Buffer.from(t));
  parts.push(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  return Buffer.concat(parts);
};

beforeAll(async () => {
  broker = await startBrokerProcess();
  kafka = testKafka(broker.bootstrap);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 2 }] });
  await admin.disconnect();
  healthy = kafka.consumer({ groupId: 'healthy', maxWaitTimeInMs: 100, heartbeatInterval: 500 });
  healthy.on(healthy.events.GROUP_JOIN, () => joins++);
  await healthy.connect();
  await healthy.subscribe({ topic: TOPIC, fromBeginning: true });
  await healthy.run({ eachMessage: async ({ message }) => void read.push(message.value!.toString()) });
  await waitUntil(() => joins > 0, 'the healthy group to form');
  wire = await WireClient.connect(broker.host, broker.port);
});

afterAll(async () => {
  wire?.close();
  await healthy?.disconnect();
  await broker?.stop();
  broker?.cleanup();
});

async function healthyMember(): Promise<string> {
  const [g] = (await wire.request(15, 4, { groups: ['healthy'], includeAuthorizedOperations: false })).groups;
  expect(g.groupState).toBe('Stable');
  return g.members[0].memberId;
}

describe('misbehaving group members', () => {
  it('advertises the group APIs at the versions Kafka clients need', async () => {
    const res = await wire.request(18, 0, {});
    const range = (key: number) => res.apiKeys.find((k) => k.apiKey === key);
    for (const [key, max] of [[8, 7], [9, 5], [10, 2], [11, 5], [12, 3], [13, 3], [14, 3], [15, 4], [16, 2], [42, 1], [47, 0]]) {
      expect(range(key), `API ${key}`).toMatchObject({ minVersion: 0, maxVersion: max });
    }
  });

  it('names this node as the coordinator', async () => {
    const res = await wire.request(10, 2, { key: 'healthy', keyType: 0 });
    expect(res).toMatchObject({ errorCode: 0, host: broker.host, port: broker.port });
  });

  it('answers stale, unknown and fenced members with Kafka\'s errors, leaving the group alone', async () => {
    const member = await healthyMember();
    const joinsBefore = joins;

    const hb = (generationId: number, memberId: string, groupInstanceId: string | null = null) =>
      wire.request(12, 3, { groupId: 'healthy', generationId, memberId, groupInstanceId });
    expect((await hb(9999, member)).errorCode).toBe(22); // ILLEGAL_GENERATION
    expect((await hb(1, 'who-is-this')).errorCode).toBe(25); // UNKNOWN_MEMBER_ID
    expect((await hb(1, member, 'not-a-static-member')).errorCode).toBe(25);
    expect((await wire.request(12, 3, { groupId: '', generationId: 1, memberId: member, groupInstanceId: null })).errorCode).toBe(24);

    const sync = await wire.request(14, 3, { groupId: 'healthy', generationId: 1, memberId: 'who-is-this', groupInstanceId: null, assignments: [] });
    expect(sync.errorCode).toBe(25);

    const commit = (generationIdOrMemberEpoch: number, memberId: string) =>
      wire.request(8, 7, {
        groupId: 'healthy', generationIdOrMemberEpoch, memberId, groupInstanceId: null,
        topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: '' }] }],
      });
    expect((await commit(9999, member)).topics[0].partitions[0].errorCode).toBe(22);
    expect((await commit(-1, '')).topics[0].partitions[0].errorCode).toBe(25); // outsiders may not commit to an active group

    const join = (protocolName: string, sessionTimeoutMs = 10_000) =>
      wire.request(11, 5, {
        groupId: 'healthy', sessionTimeoutMs, rebalanceTimeoutMs: 10_000, memberId: '', groupInstanceId: null,
        protocolType: 'consumer', protocols: [{ name: protocolName, metadata: subscription([TOPIC]) }],
      });
    expect((await join('no-such-assignor')).errorCode).toBe(23); // INCONSISTENT_GROUP_PROTOCOL
    expect((await join('RoundRobinAssigner', 100)).errorCode).toBe(26); // INVALID_SESSION_TIMEOUT

    const [del] = (await wire.request(42, 1, { groupsNames: ['healthy'] })).results;
    expect(del.errorCode).toBe(68); // NON_EMPTY_GROUP
    const offDel = await wire.request(47, 0, { groupId: 'healthy', topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0 }] }] });
    expect(offDel.topics[0].partitions[0].errorCode).toBe(86); // GROUP_SUBSCRIBED_TO_TOPIC

    // The healthy group never noticed: same generation, still Stable, still reading.
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: TOPIC, messages: [{ value: 'after-the-noise' }] });
    await producer.disconnect();
    await waitUntil(() => read.includes('after-the-noise'), 'the healthy group to read on');
    expect(joins).toBe(joinsBefore);
    expect(await healthyMember()).toBe(member);
  });

  it('expires a member that stops heartbeating, and its late heartbeats get UNKNOWN_MEMBER_ID', async () => {
    const base = { groupId: 'lonely', sessionTimeoutMs: 6000, rebalanceTimeoutMs: 6000, groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: subscription([TOPIC]) }] };
    const first = await wire.request(11, 5, { ...base, memberId: '' });
    expect(first.errorCode).toBe(79); // MEMBER_ID_REQUIRED, with an id to use
    expect(first.memberId).toMatch(/^wire-test-/);
    const joined = await wire.request(11, 5, { ...base, memberId: first.memberId });
    expect(joined).toMatchObject({ errorCode: 0, generationId: 1, leader: first.memberId });
    const synced = await wire.request(14, 3, { groupId: 'lonely', generationId: 1, memberId: first.memberId, groupInstanceId: null, assignments: [{ memberId: first.memberId, assignment: Buffer.from('x') }] });
    expect(synced.assignment.toString()).toBe('x');
    const hb = () => wire.request(12, 3, { groupId: 'lonely', generationId: 1, memberId: first.memberId, groupInstanceId: null });
    expect((await hb()).errorCode).toBe(0);
    await new Promise((r) => setTimeout(r, 6500)); // silent past the session timeout
    expect((await hb()).errorCode).toBe(25);
    const [lonely] = (await wire.request(15, 4, { groups: ['lonely'], includeAuthorizedOperations: false })).groups;
    expect(lonely.groupState).toBe('Dead'); // nothing committed: the empty group is gone
  }, 20_000);
});
