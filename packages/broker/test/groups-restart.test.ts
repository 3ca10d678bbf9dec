import { afterEach, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { startMember, waitUntil, type ClientKind, type MemberProcess } from './groups/member-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';

// Committed offsets are durable: a group resumes right after its last commit when the broker was
// stopped cleanly and when it was SIGKILLed; deleting the group deletes its offsets for good.

const PARTITIONS = 3;
let broker: BrokerProcess | null = null;
const running: MemberProcess[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.kill()));
  await broker?.stop();
  broker?.cleanup();
  broker = null;
});

async function produce(b: BrokerProcess, topic: string, prefix: string, count: number, create = false): Promise<string[]> {
  const kafka = testKafka(b.bootstrap);
  if (create) {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
    await admin.disconnect();
  }
  const producer = kafka.producer();
  await producer.connect();
  const values = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await producer.send({ topic, messages: values.map((value, i) => ({ value, partition: i % PARTITIONS })) });
  await producer.disconnect();
  return values;
}

/** Runs one member of `group` until it has read `expected`, then closes it; returns all it read. */
async function readWithMember(kind: ClientKind, b: BrokerProcess, group: string, topic: string, expected: string[]): Promise<string[]> {
  const m = startMember(kind, b.bootstrap, group, topic, `${kind}-reader`);
  running.push(m);
  const want = new Set(expected);
  await waitUntil(() => m.records.filter((r) => want.has(r.value)).length >= expected.length, `${expected.length} records`, 30_000, [m]);
  // A moment for anything unexpected (an old record re-read) to show up before judging.
  await new Promise((r) => setTimeout(r, 500));
  await m.stop();
  return m.records.map((r) => r.value);
}

async function restart(how: 'stop' | 'kill'): Promise<BrokerProcess> {
  const dataDir = broker!.dataDir;
  if (how === 'kill') await broker!.kill();
  else await broker!.stop();
  broker = await startBrokerProcess({ dataDir });
  return broker;
}

describe.each<ClientKind>(['kafkajs', 'confluent', 'kafka-python'])('%s offsets across broker restarts', (kind) => {
  it('resumes right after the last commit, after a SIGTERM and after a SIGKILL of the broker', async () => {
    const topic = `resume-${kind}`;
    const group = `resume-group-${kind}`;
    broker = await startBrokerProcess();
    const a = await produce(broker, topic, 'a', 90, true);
    expect((await readWithMember(kind, broker, group, topic, a)).sort()).toEqual([...a].sort());

    await restart('kill');
    const b = await produce(broker, topic, 'b', 60);
    expect((await readWithMember(kind, broker, group, topic, b)).sort()).toEqual([...b].sort());

    await restart('stop');
    const c = await produce(broker, topic, 'c', 30);
    expect((await readWithMember(kind, broker, group, topic, c)).sort()).toEqual([...c].sort());
  }, 90_000);
});

describe('group deletion', () => {
  it('deletes the offsets with the group, durably, and refuses to delete an active group', async () => {
    broker = await startBrokerProcess();
    const topic = 'deletable';
    const a = await produce(broker, topic, 'a', 30, true);
    await readWithMember('kafkajs', broker, 'doomed', topic, a);
    const admin = testKafka(broker.bootstrap).admin();
    await admin.connect();
    const committed = await admin.fetchOffsets({ groupId: 'doomed', topics: [topic] });
    expect(committed[0].partitions.map((p) => p.offset).sort()).toEqual(['10', '10', '10']);
    expect((await admin.listGroups()).groups).toEqual([{ groupId: 'doomed', protocolType: 'consumer' }]);

    const member = startMember('kafkajs', broker.bootstrap, 'doomed', topic, 'active');
    running.push(member);
    await waitUntil(() => (member.assignment?.length ?? 0) === PARTITIONS, 'the member to be assigned', 30_000, [member]);
    const refused = (await admin.deleteGroups(['doomed']).catch((e: { groups?: { error?: { type?: string } }[] }) => e)) as {
      groups?: { error?: { type?: string } }[];
    };
    expect(refused.groups?.[0].error?.type).toBe('NON_EMPTY_GROUP');
    await member.stop();
    const [deleted] = await admin.deleteGroups(['doomed']);
    expect(deleted).toMatchObject({ groupId: 'doomed', errorCode: 0 });
    await admin.disconnect();

    await restart('kill');
    const again = testKafka(broker.bootstrap).admin();
    await again.connect();
    expect((await again.listGroups()).groups).toEqual([]);
    const after = await again.fetchOffsets({ groupId: 'doomed', topics: [topic] });
    expect(after[0].partitions.map((p) => p.offset)).toEqual(['-1', '-1', '-1']);
    await again.disconnect();
  }, 60_000);
});
