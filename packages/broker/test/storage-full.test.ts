import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { readTopic } from '../src/testing/kafka-helpers.js';

// A full disk: the broker's data directory on an 8 MiB tmpfs, with a ballast file to free later.
// Needs permission to mount (root in a container that allows it); skipped with a message otherwise.
const mountPoint = mkdtempSync(join(tmpdir(), 'sluice-enospc-'));
let mounted = false;
let broker: BrokerProcess | null = null;

beforeAll(async () => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    mounted = true;
  } catch (err) {
    console.warn(`skipping the ENOSPC test: cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})`);
    return;
  }
  writeFileSync(join(mountPoint, 'ballast'), Buffer.alloc(3 * 1024 * 1024));
  const dataDir = join(mountPoint, 'data');
  mkdirSync(dataDir);
  broker = await startBrokerProcess({ dataDir });
});

afterAll(async () => {
  await broker?.stop();
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe('a full disk', () => {
  it('answers KAFKA_STORAGE_ERROR, logs it once, serves again when space returns, and loses nothing acknowledged', async (ctx) => {
    if (!mounted || !broker) return ctx.skip();
    const kafka = new Kafka({ clientId: 'enospc', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 1, initialRetryTime: 50 } });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'fill', numPartitions: 1 }] });
    const producer = kafka.producer();
    await producer.connect();
    const acked: string[] = [];
    const payload = 'p'.repeat(100 * 1024);
    let failure: { type?: string; cause?: { type?: string } } | null = null;
    for (let i = 0; i < 200 && failure === null; i++) {
      try {
        await producer.send({ topic: 'fill', acks: -1, messages: [{ key: `k${i}`, value: `${i}:${payload}` }] });
        acked.push(String(i));
      } catch (err) {
        failure = err as typeof failure;
      }
    }
    expect(failure, 'the disk never filled').not.toBeNull();
    expect([failure!.type, failure!.cause?.type]).toContain('KAFKA_STORAGE_ERROR');
    // A second refused write is not logged again.
    await producer.send({ topic: 'fill', acks: -1, messages: [{ key: 'again', value: payload }] }).catch(() => undefined);
    expect(broker.output().match(/cannot write .*ENOSPC/g)).toHaveLength(1);

    rmSync(join(mountPoint, 'ballast'));
    await producer.send({ topic: 'fill', acks: -1, messages: [{ key: 'after', value: 'space is back' }] });
    acked.push('after');
    await producer.disconnect();

    const records = await readTopic(kafka, admin, 'fill');
    const stored = records.map((r) => (r.key === 'after' ? 'after' : r.value!.toString().split(':')[0]));
    expect(stored).toEqual(acked);
    expect(records.map((r) => r.offset)).toEqual(acked.map((_, i) => i));
    expect(broker.output()).toMatch(/writes to .* succeed again after ENOSPC/);
    await admin.disconnect();
  });
});
