// `pnpm bench:groups`: consumer groups against the real broker process. Prints
//  - how long a group of 3 kafkajs consumers takes from start until the partitions are split
//    between all three and every one of them has read its first record,
//  - how long the other two take to own every partition after one consumer leaves cleanly,
//  - committed offsets per second: one kafkajs consumer committing in a loop (a round trip each),
//    and pipelined OffsetCommit requests on one connection (what the coordinator can absorb).
// Rebalances reach running members through their heartbeats, so the kafkajs runs are repeated for
// two heartbeat intervals: 500 ms and kafkajs's default 3 s.
import { connect } from 'node:net';
import { once } from 'node:events';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { encodeRequest } from '@sluice/kafka-protocol';
import { startBrokerProcess, type BrokerProcess } from '../testing/broker-process.js';

const PARTITIONS = 6;
const RECORDS_PER_PARTITION = 1000;
const COMMITS = Number(process.env.BENCH_COMMITS ?? 2000);
const PIPELINED_COMMITS = Number(process.env.BENCH_PIPELINED_COMMITS ?? 50_000);

interface Member {
  consumer: Consumer;
  assignment: number[];
  firstRecordAt: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
  return performance.now();
}

const splitsAll = (members: Member[]) => {
  const owned = members.flatMap((m) => m.assignment);
  return members.every((m) => m.assignment.length > 0) && owned.length === PARTITIONS && new Set(owned).size === PARTITIONS;
};

async function startMember(kafka: Kafka, groupId: string, topic: string, heartbeatInterval: number): Promise<Member> {
  const consumer = kafka.consumer({ groupId, heartbeatInterval, maxWaitTimeInMs: 100 });
  const m: Member = { consumer, assignment: [], firstRecordAt: null };
  consumer.on(consumer.events.GROUP_JOIN, (e) => (m.assignment = e.payload.memberAssignment[topic] ?? []));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async () => {
      m.firstRecordAt ??= performance.now();
    },
  });
  return m;
}

async function groupTimings(kafka: Kafka, topic: string, heartbeatInterval: number) {
  const groupId = `bench-${heartbeatInterval}-${Date.now()}`;
  const t0 = performance.now();
  const members = await Promise.all([0, 1, 2].map(() => startMember(kafka, groupId, topic, heartbeatInterval)));
  const firstAny = await until(() => members.some((m) => m.firstRecordAt !== null), 'a first record');
  const assigned = await until(() => splitsAll(members), 'three members to split the partitions');
  const allReading = await until(() => members.every((m) => m.firstRecordAt !== null), 'all three to read');
  await sleep(500); // let the group settle into steady consumption

  const [leaving, ...rest] = members;
  const t1 = performance.now();
  await leaving.consumer.disconnect();
  const rebalanced = await until(() => splitsAll(rest), 'two members to own every partition');
  await Promise.all(rest.map((m) => m.consumer.disconnect()));
  return {
    firstRecordMs: firstAny - t0,
    allAssignedMs: assigned - t0,
    allReadingMs: allReading - t0,
    rebalanceAfterLeaveMs: rebalanced - t1,
  };
}

async function kafkajsCommitsPerSecond(kafka: Kafka, topic: string): Promise<number> {
  const member = await startMember(kafka, `bench-commits-${Date.now()}`, topic, 3000);
  await until(() => member.assignment.length === PARTITIONS, 'the committer to be assigned');
  const t0 = performance.now();
  for (let i = 0; i < COMMITS; i++) {
    await member.consumer.commitOffsets([{ topic, partition: i % PARTITIONS, offset: String(i) }]);
  }
  const seconds = (performance.now() - t0) / 1000;
  await member.consumer.disconnect();
  return COMMITS / seconds;
}

/** OffsetCommit v7 requests (simple commits, 6 partitions each), written back to back on one socket. */
async function pipelinedCommitsPerSecond(broker: BrokerProcess, topic: string): Promise<number> {
  const socket = connect(broker.port, broker.host);
  await once(socket, 'connect');
  let responses = 0;
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (d: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, d]) : d;
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      pending = pending.subarray(4 + pending.readInt32BE(0));
      responses++;
    }
  });
  const partitions = Array.from({ length: PARTITIONS }, (_, p) => ({ partitionIndex: p, committedOffset: 0, committedLeaderEpoch: -1, committedMetadata: '' }));
  const t0 = performance.now();
  const WINDOW = 100;
  let sent = 0;
  while (sent < PIPELINED_COMMITS) {
    while (sent < PIPELINED_COMMITS && sent - responses < WINDOW) {
      partitions[0].committedOffset = sent;
      const body = { groupId: 'bench-pipelined', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: topic, partitions }] };
      for (const chunk of encodeRequest(8, 7, sent, 'bench', body)) socket.write(chunk);
      sent++;
    }
    await sleep(0);
  }
  await until(() => responses === PIPELINED_COMMITS, 'every commit answered');
  const seconds = (performance.now() - t0) / 1000;
  socket.destroy();
  return PIPELINED_COMMITS / seconds;
}

async function main(): Promise<void> {
  const broker = await startBrokerProcess();
  try {
    const kafka = new Kafka({ clientId: 'groups-bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const topic = 'bench-groups';
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    for (let p = 0; p < PARTITIONS; p++) {
      await producer.send({ topic, messages: Array.from({ length: RECORDS_PER_PARTITION }, (_, i) => ({ value: `r${i}`, partition: p })) });
    }
    await producer.disconnect();

    console.log(`groups bench: 3 kafkajs consumers, topic of ${PARTITIONS} partitions × ${RECORDS_PER_PARTITION} records`);
    for (const hb of [500, 3000]) {
      const t = await groupTimings(kafka, topic, hb);
      console.log(
        `  heartbeat ${String(hb).padStart(4)} ms: first record ${t.firstRecordMs.toFixed(0)} ms · all 3 assigned ${t.allAssignedMs.toFixed(0)} ms · ` +
          `all 3 reading ${t.allReadingMs.toFixed(0)} ms · rebalance after a clean leave ${t.rebalanceAfterLeaveMs.toFixed(0)} ms`,
      );
    }
    const sequential = await kafkajsCommitsPerSecond(kafka, topic);
    console.log(`  commits: kafkajs commitOffsets one at a time ${sequential.toFixed(0)}/s`);
    const pipelined = await pipelinedCommitsPerSecond(broker, topic);
    console.log(`  commits: pipelined OffsetCommit (6 partitions each) on one connection ${pipelined.toFixed(0)}/s`);
  } finally {
    await broker.stop();
    broker.cleanup();
  }
}

await main();
