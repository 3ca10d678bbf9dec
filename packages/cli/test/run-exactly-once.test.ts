import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTopic, startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import type { Admin, Kafka } from 'kafkajs';
import { kafkaClient } from './kafka-client.js';
import { eventually, killStragglers, runSluice, spawnSluice, type SluiceProcess } from './sluice-process.js';

let broker: BrokerProcess;
let kafka: Kafka;
let admin: Admin;
let work: string;

beforeAll(async () => {
  broker = await startBrokerProcess();
  kafka = kafkaClient(broker.bootstrap);
  admin = kafka.admin();
  await admin.connect();
  work = mkdtempSync(join(tmpdir(), 'sluice-eos-'));
});

afterAll(async () => {
  await killStragglers();
  await admin?.disconnect();
  await broker?.stop();
  broker?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

function writePipeline(name: string, source: string, sink: string, guarantee?: string): string {
  const file = join(work, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      schemaVersion: 1,
      name,
      ...(guarantee ? { processingGuarantee: guarantee } : {}),
      nodes: [
        { id: 'in', type: 'source', config: { topic: source, startFrom: 'earliest' } },
        { id: 'tag', type: 'map', config: { expression: '{"n": value.n, "twice": value.n * 2}' } },
        { id: 'out', type: 'sink', config: { topic: sink } },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'tag' },
        { id: 'e2', source: 'tag', target: 'out' },
      ],
    }),
  );
  return file;
}

async function produceNumbers(topic: string, partitions: number, count: number): Promise<void> {
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();
  for (let from = 0; from < count; from += 2000) {
    const messages = Array.from({ length: Math.min(2000, count - from) }, (_, i) => ({ key: `k${(from + i) % 31}`, value: JSON.stringify({ n: from + i }) }));
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();
}

async function committedTotal(group: string, topic: string): Promise<number> {
  const [entry] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  return entry!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

const run = (file: string) => spawnSluice(['run', file, '--bootstrap-server', broker.bootstrap, '--session-timeout-ms', '6000', '--stats-interval-ms', '0']);

describe('sluice run under exactly_once_v2', () => {
  it('leaves every input exactly once in the output while two processes share the work and are killed with -9 in turn', async () => {
    const total = 40_000;
    await produceNumbers('eos-in', 4, total);
    const file = writePipeline('eos-kill', 'eos-in', 'eos-out');
    const live: SluiceProcess[] = [run(file), run(file)];
    await Promise.all(live.map((p) => p.waitForStdout(/running in consumer group sluice-eos-kill .*exactly_once_v2\)/)));

    // Kill one of the two processes three times, each after more of the input was committed,
    // and start a fresh one in its place.
    for (const [round, share] of [0.15, 0.4, 0.65].entries()) {
      await eventually(async () => ((await committedTotal('sluice-eos-kill', 'eos-in')) >= total * share ? true : undefined), 300, 100);
      const victim = live[round % 2]!;
      await victim.stop('SIGKILL');
      live[round % 2] = run(file);
      await live[round % 2]!.waitForStdout(/running/);
    }
    await eventually(async () => ((await committedTotal('sluice-eos-kill', 'eos-in')) === total ? true : undefined), 600, 100);
    for (const p of live) expect((await p.stop('SIGTERM')).code).toBe(0);

    const out = await readTopic(kafka, admin, 'eos-out');
    const counts = new Map<number, number>();
    for (const r of out) {
      const v = JSON.parse(r.value!.toString()) as { n: number; twice: number };
      expect(v.twice).toBe(v.n * 2);
      counts.set(v.n, (counts.get(v.n) ?? 0) + 1);
    }
    const missing = Array.from({ length: total }, (_, n) => n).filter((n) => !counts.has(n));
    const duplicated = [...counts].filter(([, c]) => c > 1).map(([n]) => n);
    expect({ missing: missing.length, duplicated: duplicated.length }).toEqual({ missing: 0, duplicated: 0 });
    expect(out).toHaveLength(total);
  }, 240_000);

  it('runs at_least_once when the pipeline or --processing-guarantee asks for it', async () => {
    await produceNumbers('alo-in', 2, 1000);
    const file = writePipeline('alo', 'alo-in', 'alo-out', 'at_least_once');
    const p = run(file);
    await p.waitForStdout(/at_least_once\)/);
    await eventually(async () => ((await committedTotal('sluice-alo', 'alo-in')) === 1000 ? true : undefined), 300, 100);
    expect((await p.stop('SIGTERM')).code).toBe(0);
    expect(new Set((await readTopic(kafka, admin, 'alo-out')).map((r) => JSON.parse(r.value!.toString()).n)).size).toBe(1000);

    const bad = await runSluice(['run', file, '--bootstrap-server', broker.bootstrap, '--processing-guarantee', 'exactly_once']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--processing-guarantee must be exactly_once_v2 or at_least_once, got 'exactly_once'/);
  }, 120_000);
});
