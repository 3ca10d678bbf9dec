import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { startMember, splitsAll, waitUntil, type ClientKind, type MemberProcess } from './groups/member-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';

// Groups of three real clients (each in its own process) on a 6-partition topic: the partitions are
// shared, every record is read once, and a member that closes or is SIGKILLed hands its partitions
// over to the others without any record being skipped.

const PARTITIONS = 6;
let broker: BrokerProcess;
let kafka: Kafka;
const running: MemberProcess[] = [];

beforeAll(async () => {
  broker = await startBrokerProcess();
  kafka = testKafka(broker.bootstrap);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.kill()));
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

async function createTopic(topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
  await admin.disconnect();
}

async function produce(topic: string, prefix: string, count: number): Promise<string[]> {
  const producer = kafka.producer();
  await producer.connect();
  const values = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await producer.send({ topic, messages: values.map((value, i) => ({ value, partition: i % PARTITIONS })) });
  await producer.disconnect();
  return values;
}

function start(kind: ClientKind, group: string, topic: string, name: string): MemberProcess {
  const m = startMember(kind, broker.bootstrap, group, topic, name);
  running.push(m);
  return m;
}

const valuesRead = (members: MemberProcess[]) => members.flatMap((m) => m.records.map((r) => r.value));
const readsOf = (members: MemberProcess[], values: string[]) => {
  const wanted = new Set(values);
  return valuesRead(members).filter((v) => wanted.has(v));
};

describe.each<ClientKind>(['kafkajs', 'confluent', 'kafka-python'])('a group of three %s consumers', (kind) => {
  it('shares the partitions, reads every record once, and survives a close and a SIGKILL', async () => {
    const topic = `shared-${kind}`;
    const group = `group-${kind}`;
    await createTopic(topic);
    const members = ['m1', 'm2', 'm3'].map((name) => start(kind, group, topic, `${kind}-${name}`));
    await waitUntil(() => splitsAll(members, PARTITIONS), 'three members to split the six partitions', 30_000, members);
    for (const m of members) expect(m.assignment!.length).toBe(2);

    // Everyone alive: each record exactly once, and everyone does a share.
    const first = await produce(topic, `${kind}-a`, 300);
    await waitUntil(() => new Set(readsOf(members, first)).size === first.length, 'all of batch a', 30_000, members);
    expect(readsOf(members, first).sort()).toEqual([...first].sort());
    for (const m of members) expect(m.records.length).toBeGreaterThan(0);

    // m1 closes cleanly: LeaveGroup, the other two take its partitions, nothing is read twice.
    await members[0].stop();
    const rest = members.slice(1);
    await waitUntil(() => splitsAll(rest, PARTITIONS), 'two members to take over m1\'s partitions', 30_000, members);
    const second = await produce(topic, `${kind}-b`, 300);
    await waitUntil(() => new Set(readsOf(rest, second)).size === second.length, 'all of batch b', 30_000, members);
    expect(readsOf(members, [...first, ...second]).sort()).toEqual([...first, ...second].sort());

    // m2 is SIGKILLed: no LeaveGroup; its session expires and m3 takes everything. Nothing skipped.
    await members[1].kill();
    const third = await produce(topic, `${kind}-c`, 300);
    await waitUntil(() => new Set(readsOf(members, third)).size === third.length, 'all of batch c', 45_000, members);
    expect(members[2].assignment!.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // Each partition was read in order without gaps across the three members.
    const byPartition = new Map<number, Set<number>>();
    for (const r of members.flatMap((m) => m.records)) {
      if (!byPartition.has(r.partition)) byPartition.set(r.partition, new Set());
      byPartition.get(r.partition)!.add(r.offset);
    }
    for (let p = 0; p < PARTITIONS; p++) expect(byPartition.get(p)!.size).toBe(150);
  }, 120_000);
});
