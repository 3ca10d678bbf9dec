import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { splitsAll, startMember, waitUntil, type MemberProcess } from './groups/member-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';

// Static membership (group.instance.id, librdkafka via confluent-kafka): a member that crashes and
// comes back within its session timeout gets its old partitions back, and nobody else rebalances.

const TOPIC = 'static-members';
let broker: BrokerProcess;
const running: MemberProcess[] = [];

beforeAll(async () => {
  broker = await startBrokerProcess();
  const admin = testKafka(broker.bootstrap).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6 }] });
  await admin.disconnect();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.kill()));
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

function start(instanceId: string): MemberProcess {
  const m = startMember('confluent', broker.bootstrap, 'static-group', TOPIC, instanceId, 20_000, instanceId);
  running.push(m);
  return m;
}

describe('static group members', () => {
  it('take their partitions back after a crash and restart, without a rebalance', async () => {
    const a = start('instance-a');
    const b = start('instance-b');
    await waitUntil(() => splitsAll([a, b], 6), 'two static members to split the partitions', 30_000, [a, b]);
    const before = { a: [...a.assignment!], bAssignments: b.assignments };

    await a.kill();
    const again = start('instance-a');
    await waitUntil(() => again.assignment !== null, 'the restarted member to be assigned', 30_000, [again, b]);
    expect(again.assignment).toEqual(before.a);
    // b kept consuming in the same generation: no new assignment reached it.
    await new Promise((r) => setTimeout(r, 1000));
    expect(b.assignments).toBe(before.bAssignments);

    const admin = testKafka(broker.bootstrap).admin();
    await admin.connect();
    const { groups } = await admin.describeGroups(['static-group']);
    await admin.disconnect();
    expect(groups[0].state).toBe('Stable');
    expect(groups[0].members).toHaveLength(2);
  }, 60_000);
});
