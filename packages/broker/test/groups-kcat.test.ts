import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { waitUntil } from './groups/member-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';
import { run } from './support/run.js';

// kcat's balanced consumer (-G, librdkafka's high-level consumer): two of them share a topic, and a
// later one resumes from the offsets they committed when they closed.

const TOPIC = 'kcat-balanced';
let broker: BrokerProcess;
const running: ChildProcess[] = [];

beforeAll(async () => {
  broker = await startBrokerProcess();
  const admin = testKafka(broker.bootstrap).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6 }] });
  await admin.disconnect();
});

afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

interface KcatMember {
  lines: string[];
  assignment: number[] | null;
  exited: Promise<void>;
  child: ChildProcess;
}

function kcatMember(group: string): KcatMember {
  const child = spawn('kcat', ['-b', broker.bootstrap, '-G', group, TOPIC, '-o', 'beginning', '-u', '-f', '%p %o %s\\n', '-X', 'session.timeout.ms=6000']);
  running.push(child);
  const m: KcatMember = { lines: [], assignment: null, child, exited: new Promise((r) => child.once('exit', () => r())) };
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const parts = out.split('\n');
    out = parts.pop()!;
    m.lines.push(...parts);
  });
  // Whole lines only: a chunk may end in the middle of kcat's "rebalanced … assigned: …" line.
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    const lines = err.split('\n');
    err = lines.pop()!;
    for (const line of lines) {
      if (/rebalanced .*: assigned:/.test(line)) m.assignment = [...line.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
      if (/rebalanced .*: revoked:/.test(line)) m.assignment = [];
    }
  });
  return m;
}

async function produce(values: string[]): Promise<void> {
  const res = await run('kcat', ['-b', broker.bootstrap, '-P', '-t', TOPIC, '-K', ':'], values.map((v, i) => `key-${i}:${v}`).join('\n') + '\n');
  expect(res.code, res.stderr).toBe(0);
}

describe('kcat -G (balanced consumer)', () => {
  it('shares the partitions between two members and resumes from their commits', async () => {
    const pair = [kcatMember('kcat-group'), kcatMember('kcat-group')];
    await waitUntil(() => {
      const owned = pair.flatMap((m) => m.assignment ?? []);
      return pair.every((m) => (m.assignment?.length ?? 0) > 0) && owned.length === 6 && new Set(owned).size === 6;
    }, 'two kcat members to split six partitions');

    const first = Array.from({ length: 120 }, (_, i) => `first-${i}`);
    await produce(first);
    const values = () => pair.flatMap((m) => m.lines.map((l) => l.split(' ')[2]));
    await waitUntil(() => values().length >= 120, 'the pair to read 120 records');
    expect(values().sort()).toEqual([...first].sort());
    for (const m of pair) expect(m.lines.length).toBeGreaterThan(0);

    // Closing commits what they read; a new member starts after it.
    for (const m of pair) m.child.kill('SIGTERM');
    await Promise.all(pair.map((m) => m.exited));
    const second = Array.from({ length: 30 }, (_, i) => `second-${i}`);
    await produce(second);
    const res = await run('kcat', ['-b', broker.bootstrap, '-G', 'kcat-group', TOPIC, '-c', '30', '-f', '%s\\n'], undefined, 30_000);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim().split('\n').sort()).toEqual([...second].sort());
  }, 60_000);
});
