import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompressionTypes, type Kafka } from 'kafkajs';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';

let broker: BrokerProcess;
let kafka: Kafka;

beforeAll(async () => {
  broker = await startBrokerProcess();
  kafka = testKafka(broker.bootstrap);
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

/** Reads every record of a topic from the beginning with a group consumer, until `count` arrived. */
async function consumeAll(topic: string, count: number) {
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}`, maxWaitTimeInMs: 100 });
  const seen: { partition: number; offset: number; key: string | null; value: string }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${seen.length} of ${count} records arrived`)), 20_000);
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen.push({
          partition,
          offset: Number(message.offset),
          key: message.key?.toString() ?? null,
          value: message.value!.toString(),
        });
        if (seen.length === count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return seen;
}

describe('kafkajs against the embedded broker', () => {
  it('produces keyed and unkeyed records to 3 partitions and reads each partition back in order', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'readings', numPartitions: 3 }] });
    const producer = kafka.producer();
    await producer.connect();
    const keyed = Array.from({ length: 300 }, (_, i) => ({ key: `station-${i % 7}`, value: `keyed-${i}` }));
    const unkeyed = Array.from({ length: 300 }, (_, i) => ({ value: `plain-${i}` }));
    for (let i = 0; i < keyed.length; i += 50) await producer.send({ topic: 'readings', messages: keyed.slice(i, i + 50) });
    await producer.send({ topic: 'readings', messages: unkeyed, compression: CompressionTypes.GZIP });
    await producer.disconnect();

    const seen = await consumeAll('readings', 600);
    expect(new Set(seen.map((r) => r.value)).size).toBe(600);
    for (let p = 0; p < 3; p++) {
      const offsets = seen.filter((r) => r.partition === p).map((r) => r.offset);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(offsets).toEqual(offsets.map((_, i) => i)); // dense: 0, 1, 2 …
    }
    // Each key lands on one partition, and its records keep their order there.
    for (let s = 0; s < 7; s++) {
      const mine = seen.filter((r) => r.key === `station-${s}`);
      expect(new Set(mine.map((r) => r.partition)).size).toBe(1);
      const order = mine.map((r) => Number(r.value.split('-')[1]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    const offsets = await admin.fetchTopicOffsets('readings');
    expect(offsets.reduce((n, o) => n + Number(o.high), 0)).toBe(600);
    await admin.disconnect();
  });

  it('runs the admin calls: create, list, describe, add partitions, configs, delete records, delete', async () => {
    const admin = kafka.admin();
    await admin.connect();
    expect(
      await admin.createTopics({
        topics: [{ topic: 'admin-t', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] }],
      }),
    ).toBe(true);
    // kafkajs reports TOPIC_ALREADY_EXISTS as `false` rather than an error.
    expect(await admin.createTopics({ topics: [{ topic: 'admin-t', numPartitions: 2 }] })).toBe(false);
    await expect(admin.createTopics({ topics: [{ topic: 'bad name!', numPartitions: 1 }] })).rejects.toMatchObject({
      errors: [{ type: 'INVALID_TOPIC_EXCEPTION' }],
    });
    await expect(admin.createTopics({ topics: [{ topic: 'rf3', numPartitions: 1, replicationFactor: 3 }] })).rejects.toMatchObject({
      errors: [{ type: 'INVALID_REPLICATION_FACTOR' }],
    });
    expect(await admin.listTopics()).toContain('admin-t');

    const meta = await admin.fetchTopicMetadata({ topics: ['admin-t'] });
    expect(meta.topics[0].partitions.map((p) => p.partitionId).sort()).toEqual([0, 1]);

    await admin.createPartitions({ topicPartitions: [{ topic: 'admin-t', count: 4 }] });
    const grown = await admin.fetchTopicMetadata({ topics: ['admin-t'] });
    expect(grown.topics[0].partitions).toHaveLength(4);
    await expect(admin.createPartitions({ topicPartitions: [{ topic: 'admin-t', count: 2 }] })).rejects.toMatchObject({ type: 'INVALID_PARTITIONS' });

    const described = await admin.describeConfigs({
      resources: [{ type: 2, name: 'admin-t', configNames: ['retention.ms', 'cleanup.policy'] }],
      includeSynonyms: false,
    });
    const entries = Object.fromEntries(described.resources[0].configEntries.map((e) => [e.configName, e]));
    expect(entries['retention.ms'].configValue).toBe('3600000');
    expect(entries['retention.ms'].isDefault).toBe(false);
    expect(entries['cleanup.policy'].configValue).toBe('delete');
    expect(entries['cleanup.policy'].isDefault).toBe(true);

    await admin.alterConfigs({
      validateOnly: false,
      resources: [{ type: 2, name: 'admin-t', configEntries: [{ name: 'retention.bytes', value: '1048576' }] }],
    });
    const altered = await admin.describeConfigs({ resources: [{ type: 2, name: 'admin-t' }], includeSynonyms: false });
    const alteredEntries = Object.fromEntries(altered.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    expect(alteredEntries['retention.bytes']).toBe('1048576');
    expect(alteredEntries['retention.ms']).toBe('604800000'); // AlterConfigs replaces the whole set
    await expect(
      admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: 'admin-t', configEntries: [{ name: 'no.such', value: '1' }] }] }),
    ).rejects.toMatchObject({ type: 'INVALID_CONFIG' });

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'admin-t', messages: Array.from({ length: 10 }, (_, i) => ({ value: `v${i}`, partition: 0 })) });
    await producer.disconnect();
    await admin.deleteTopicRecords({ topic: 'admin-t', partitions: [{ partition: 0, offset: '4' }] });
    const after = await admin.fetchTopicOffsets('admin-t');
    expect(after.find((o) => o.partition === 0)).toMatchObject({ low: '4', high: '10' });

    await admin.deleteTopics({ topics: ['admin-t'] });
    expect(await admin.listTopics()).not.toContain('admin-t');
    await admin.disconnect();
  });

  it('finds offsets by timestamp', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'timed', numPartitions: 1 }] });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'timed', messages: [{ value: 'old', timestamp: '1000' }] });
    await producer.send({ topic: 'timed', messages: [{ value: 'new', timestamp: '5000' }] });
    await producer.disconnect();
    expect(await admin.fetchTopicOffsetsByTimestamp('timed', 2000)).toEqual([{ partition: 0, offset: '1' }]);
    expect(await admin.fetchTopicOffsetsByTimestamp('timed', 500)).toEqual([{ partition: 0, offset: '0' }]);
    await admin.disconnect();
  });

  it('auto-creates a topic on first metadata request, with num.partitions', async () => {
    const producer = kafka.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    const [meta] = await producer.send({ topic: 'auto-made', messages: [{ value: 'x' }] });
    expect(meta.errorCode).toBe(0);
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.listTopics()).toContain('auto-made');
    await admin.disconnect();
  });
});
