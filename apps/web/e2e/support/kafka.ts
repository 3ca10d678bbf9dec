import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { bootstrap } from './fixtures.js';

function client(): Kafka {
  return new Kafka({ clientId: 'sluice-web-e2e', brokers: [bootstrap()], logLevel: logLevel.NOTHING });
}

export async function createTopics(names: readonly string[], partitions = 1): Promise<void> {
  const admin = client().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: names.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

export async function produce(topic: string, records: readonly { key: string; value: unknown }[]): Promise<void> {
  await produceText(topic, records.map((r) => ({ key: r.key, value: JSON.stringify(r.value) })));
}

/** Records whose values are sent as written, valid JSON or not. */
export async function produceText(topic: string, records: readonly { key: string; value: string }[]): Promise<void> {
  const producer = client().producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: records.map((r) => ({ key: r.key, value: r.value })) });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Reads `topic` from the start until a record matching `last` arrives, and returns every value
 * read. With a one-partition topic this is exactly what the pipeline wrote up to that record.
 */
export async function consumeUntil<T>(topic: string, last: (value: T) => boolean): Promise<T[]> {
  const consumer: Consumer = client().consumer({ groupId: `e2e-reader-${Date.now()}-${Math.random().toString(36).slice(2)}` });
  await consumer.connect();
  const values: T[] = [];
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const value = JSON.parse(message.value?.toString() ?? 'null') as T;
            values.push(value);
            if (last(value)) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}
