import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import { kafkaClient } from './kafka-client.js';
import { eventually, runSluice, spawnSluice } from './sluice-process.js';

let broker: BrokerProcess;
let work: string;

beforeAll(async () => {
  broker = await startBrokerProcess();
  work = mkdtempSync(join(tmpdir(), 'sluice-run-'));
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
  rmSync(work, { recursive: true, force: true });
});

function writePipeline(name: string, source: string, sink: string, expression = 'value.n >= 0'): string {
  const file = join(work, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      schemaVersion: 1,
      name,
      nodes: [
        { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: source, format: 'json', startFrom: 'earliest' } },
        { id: 'keep', type: 'filter', position: { x: 200, y: 0 }, config: { expression } },
        { id: 'out', type: 'sink', position: { x: 400, y: 0 }, config: { topic: sink, format: 'json' } },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'keep' },
        { id: 'e2', source: 'keep', target: 'out' },
      ],
    }),
  );
  return file;
}

/** Every `n` in the topic, read from the beginning until `count` distinct ones arrived. */
async function distinctValues(topic: string, count: number): Promise<Set<number>> {
  const consumer = kafkaClient(broker.bootstrap).consumer({ groupId: `check-${topic}-${Date.now()}`, maxWaitTimeInMs: 200 });
  const seen = new Set<number>();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${seen.size} of ${count} distinct records in ${topic}`)), 45_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        seen.add(JSON.parse(message.value!.toString()).n);
        if (seen.size === count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return seen;
}

describe('sluice run', () => {
  it('refuses an invalid pipeline, naming the node and field', async () => {
    const file = writePipeline('broken', 'some-in', 'some-out', 'value.n >');
    const res = await runSluice(['run', file, '--bootstrap-server', broker.bootstrap]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/nodes\[1\]\.config\.expression/);
  });

  it('shares a 6-partition topic between two processes; the survivor of a kill -9 takes over and nothing is lost', async () => {
    const kafka = kafkaClient(broker.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'numbers', numPartitions: 6 }] });
    await admin.disconnect();
    const file = writePipeline('shared-work', 'numbers', 'numbers-out');
    const args = ['run', file, '--bootstrap-server', broker.bootstrap, '--session-timeout-ms', '6000', '--stats-interval-ms', '300'];
    const a = spawnSluice(args);
    const b = spawnSluice(args);
    await Promise.all([a.waitForStdout(/running in consumer group sluice-shared-work/), b.waitForStdout(/running/)]);
    // Both members own partitions before any record flows: the work is shared.
    await Promise.all([a.waitForStdout(/partitions numbers-\d/), b.waitForStdout(/partitions numbers-\d/)]);

    const producer = kafka.producer();
    await producer.connect();
    const total = 3000;
    for (let n = 0; n < total; n += 100) {
      await producer.send({
        topic: 'numbers',
        messages: Array.from({ length: 100 }, (_, i) => ({ key: `k${(n + i) % 60}`, value: JSON.stringify({ n: n + i }) })),
      });
      if (n === 1000) a.child.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 20));
    }
    await producer.disconnect();

    const seen = await distinctValues('numbers-out', total);
    expect(seen.size).toBe(total);
    // The survivor now owns all six partitions.
    await eventually(async () => {
      const last = b.stdout().trim().split('\n').at(-1) ?? '';
      return [0, 1, 2, 3, 4, 5].every((p) => last.includes(`numbers-${p}`)) || undefined;
    });
    const stopped = await b.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toMatch(/stopped cleanly/);
  }, 90_000);
});
