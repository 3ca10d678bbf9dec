import { readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';
import { run } from './support/run.js';

let brokers: BrokerProcess[] = [];

afterEach(async () => {
  for (const b of brokers) await b.kill();
  brokers[0]?.cleanup();
  brokers = [];
});

async function start(dataDir?: string) {
  const b = await startBrokerProcess({ dataDir });
  brokers.push(b);
  return b;
}

/** Every value in one partition, read with kcat (no consumer group needed). */
async function readPartition(bootstrap: string, topic: string, partition: number): Promise<string[]> {
  const res = await run('kcat', ['-b', bootstrap, '-C', '-t', topic, '-p', String(partition), '-o', 'beginning', '-e', '-q']);
  expect(res.code, res.stderr).toBe(0);
  return res.stdout.split('\n').filter(Boolean);
}

describe('durability', () => {
  it('keeps every acknowledged record through kill -9 in the middle of producing', async () => {
    const first = await start();
    const kafka = testKafka(first.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'durable', numPartitions: 3 }] });
    await admin.disconnect();

    const producer = kafka.producer({ retry: { retries: 0 } });
    await producer.connect();
    const acked: string[] = [];
    let n = 0;
    const producing = (async () => {
      for (;;) {
        const batch = Array.from({ length: 50 }, () => ({ value: `r${n++}` }));
        try {
          await producer.send({ topic: 'durable', acks: -1, messages: batch });
        } catch {
          return; // the broker died under us: what was not acknowledged may be lost
        }
        acked.push(...batch.map((m) => m.value));
      }
    })();
    while (acked.length < 5000) await new Promise((r) => setTimeout(r, 20));
    await first.kill();
    await producing;
    await producer.disconnect().catch(() => {});

    const second = await start(first.dataDir);
    const stored = new Set<string>();
    for (let p = 0; p < 3; p++) for (const v of await readPartition(second.bootstrap, 'durable', p)) stored.add(v);
    const lost = acked.filter((v) => !stored.has(v));
    expect(lost).toEqual([]);
  });

  it('recovers a log whose tail was torn in the middle of a batch', async () => {
    const first = await start();
    const kafka = testKafka(first.bootstrap);
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 10; i++) {
      await producer.send({ topic: 'torn', messages: Array.from({ length: 10 }, (_, j) => ({ value: `b${i}-${j}` })) });
    }
    await producer.disconnect();
    await first.kill();

    const dir = join(first.dataDir, 'torn-0');
    const segment = readdirSync(dir).find((f) => f.endsWith('.log'))!;
    const path = join(dir, segment);
    truncateSync(path, statSync(path).size - 7); // the last batch loses its final bytes

    const second = await start(first.dataDir);
    expect(second.output()).toMatch(/torn-0.*truncat/i);
    const values = await readPartition(second.bootstrap, 'torn', 0);
    expect(values).toHaveLength(90);
    expect(values.at(-1)).toBe('b8-9');

    const again = testKafka(second.bootstrap).producer();
    await again.connect();
    const [meta] = await again.send({ topic: 'torn', messages: [{ value: 'after' }] });
    await again.disconnect();
    expect(meta.baseOffset).toBe('90');
    expect((await readPartition(second.bootstrap, 'torn', 0)).at(-1)).toBe('after');
  });

  it('keeps topics, configs and records across a clean restart', async () => {
    const first = await start();
    const kafka = testKafka(first.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'kept', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '12345678' }] }],
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'kept', messages: [{ value: 'a', partition: 1 }] });
    await producer.disconnect();
    expect(await first.stop()).toBe(0);
    expect(first.output()).toMatch(/shut down cleanly/);

    const second = await start(first.dataDir);
    const admin2 = testKafka(second.bootstrap).admin();
    await admin2.connect();
    const meta = await admin2.fetchTopicMetadata({ topics: ['kept'] });
    expect(meta.topics[0].partitions).toHaveLength(2);
    const configs = await admin2.describeConfigs({ resources: [{ type: 2, name: 'kept', configNames: ['retention.ms'] }], includeSynonyms: false });
    expect(configs.resources[0].configEntries[0].configValue).toBe('12345678');
    await admin2.disconnect();
    expect(await readPartition(second.bootstrap, 'kept', 1)).toEqual(['a']);
  });
});
