// Deleting a topic that consumers read: the broker answers as Kafka does once the partitions are
// gone (held fetches complete at once with UNKNOWN_TOPIC_OR_PARTITION, Metadata says the topic is
// unknown, committed offsets go with it), so consumers notice at once and can close, and a topic
// created again under the same name starts empty and unread.
import { fileURLToPath } from 'node:url';
import type { Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { committed, createTopic, produce, testKafka } from '../src/testing/kafka-helpers.js';
import { PYTHON, run } from './support/run.js';

let broker: BrokerProcess;

beforeAll(async () => {
  broker = await startBrokerProcess();
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

async function withAdmin<T>(fn: (admin: ReturnType<ReturnType<typeof testKafka>['admin']>) => Promise<T>): Promise<T> {
  const admin = testKafka(broker.bootstrap).admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

/** A kafkajs group consumer that has read `count` records of `topic` and is long-polling for more. */
async function readingConsumer(topic: string, groupId: string, count: number): Promise<{ consumer: Consumer; values: string[] }> {
  const kafka = testKafka(broker.bootstrap);
  // A long max wait, so a fetch held for a deleted partition would show in the close time.
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 10_000, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const values: string[] = [];
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ message }) => {
          values.push(message.value!.toString());
          if (values.length === count) resolve();
        },
      })
      .catch(reject);
  });
  // Let the consumer commit and go back to a held fetch on the drained partitions.
  await new Promise((r) => setTimeout(r, 1_000));
  return { consumer, values };
}

describe('deleting a topic that consumers read', () => {
  it('a kafkajs group consumer closes within 2 s of its topic being deleted', async () => {
    await withAdmin((admin) => createTopic(admin, 'dt-kafkajs', 4));
    await produce(testKafka(broker.bootstrap), 'dt-kafkajs', Array.from({ length: 40 }, (_, i) => ({ value: `v${i}` })));
    const { consumer, values } = await readingConsumer('dt-kafkajs', 'g-kafkajs', 40);
    expect(values).toHaveLength(40);

    await withAdmin((admin) => admin.deleteTopics({ topics: ['dt-kafkajs'] }));
    const started = Date.now();
    await consumer.disconnect();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers Metadata, ListOffsets and OffsetFetch for the deleted topic as Kafka does', async () => {
    await withAdmin(async (admin) => {
      await createTopic(admin, 'dt-answers', 2);
      await produce(testKafka(broker.bootstrap), 'dt-answers', [{ value: 'a' }, { value: 'b' }]);
      await admin.setOffsets({ groupId: 'g-answers', topic: 'dt-answers', partitions: [{ partition: 0, offset: '1' }] });
      expect(await committed(admin, 'g-answers', 'dt-answers')).toEqual([1, -1]);
      await admin.deleteTopics({ topics: ['dt-answers'] });

      expect(await admin.listTopics()).not.toContain('dt-answers');
      expect(await errorType(admin.fetchTopicMetadata({ topics: ['dt-answers'] }))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
      expect(await errorType(admin.fetchTopicOffsets('dt-answers'))).toBe('UNKNOWN_TOPIC_OR_PARTITION');
      const all = await admin.fetchOffsets({ groupId: 'g-answers' });
      expect(all.map((t) => t.topic)).not.toContain('dt-answers');
    });
  });

  it('a topic deleted and created again under the same name starts empty, with nothing committed', async () => {
    const kafka = testKafka(broker.bootstrap);
    await withAdmin((admin) => createTopic(admin, 'dt-again', 2));
    await produce(kafka, 'dt-again', Array.from({ length: 30 }, (_, i) => ({ value: `old-${i}` })));
    const first = await readingConsumer('dt-again', 'g-again', 30);
    await withAdmin((admin) => admin.deleteTopics({ topics: ['dt-again'] }));
    await first.consumer.disconnect();

    await withAdmin(async (admin) => {
      await createTopic(admin, 'dt-again', 3);
      expect(await committed(admin, 'g-again', 'dt-again')).toEqual([-1, -1, -1]);
      const offsets = await admin.fetchTopicOffsets('dt-again');
      expect(offsets.map((o) => [o.low, o.high])).toEqual([['0', '0'], ['0', '0'], ['0', '0']]);
    });
    await produce(kafka, 'dt-again', Array.from({ length: 5 }, (_, i) => ({ value: `new-${i}` })));
    const second = await readingConsumer('dt-again', 'g-again', 5);
    await second.consumer.disconnect();
    expect(second.values.sort()).toEqual(['new-0', 'new-1', 'new-2', 'new-3', 'new-4']);
  });

  // librdkafka learns of the rebalance from its next heartbeat (heartbeat.interval.ms, 3 s).
  it('confluent-kafka (the issue script): the consumer is told the topic is gone within one heartbeat', async () => {
    const script = fileURLToPath(new URL('./clients/confluent_topic_deleted.py', import.meta.url));
    const res = await run(PYTHON, [script, broker.bootstrap, 'dt-confluent', 'g-confluent']);
    expect(res.code, res.stderr).toBe(0);
    const events = res.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string; count?: number; code?: string; after?: number });
    expect(events[0]).toEqual({ event: 'read', count: 100 });
    const error = events.find((e) => e.event === 'error');
    expect(error?.code).toBe('UNKNOWN_TOPIC_OR_PART');
    expect(error!.after!).toBeLessThan(4.5);
  });

  it('kcat -G: the member learns the topic is gone and has its partition revoked within one heartbeat', async () => {
    await run('kcat', ['-b', broker.bootstrap, '-P', '-t', 'dt-kcat'], 'a\nb\nc\n');
    const { spawn } = await import('node:child_process');
    const kcat = spawn('kcat', ['-b', broker.bootstrap, '-u', '-X', 'auto.offset.reset=earliest', '-G', 'g-kcat', 'dt-kcat'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    kcat.stdout.on('data', (d) => (out += d));
    kcat.stderr.on('data', (d) => (err += d));
    try {
      await waitFor(() => out.split('\n').filter(Boolean).length === 3, 15_000, () => `kcat read: ${out}\n${err}`);
      await withAdmin((admin) => admin.deleteTopics({ topics: ['dt-kcat'] }));
      const deleted = Date.now();
      await waitFor(() => /revoked: dt-kcat/.test(err) && /Subscribed topic not available: dt-kcat/.test(err), 4_500, () => err);
      expect(Date.now() - deleted).toBeLessThan(4_500);
    } finally {
      kcat.kill('SIGKILL');
    }
  });
});

/** The Kafka error a kafkajs call failed with, under its retry wrapper. */
async function errorType(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'no error';
  } catch (e) {
    const err = e as { type?: string; cause?: { type?: string } };
    return err.type ?? err.cause?.type ?? String(e);
  }
}

async function waitFor(done: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
