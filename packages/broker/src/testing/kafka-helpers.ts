import { Kafka, logLevel, type Admin, type KafkaMessage, type Message } from 'kafkajs';

/** A kafkajs client for tests: quiet (failures surface through assertions), fast retries. */
export function testKafka(bootstrap: string, clientId = 'sluice-test'): Kafka {
  return new Kafka({ clientId, brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 100 } });
}

export async function createTopic(admin: Admin, topic: string, numPartitions: number): Promise<void> {
  await admin.createTopics({ topics: [{ topic, numPartitions, replicationFactor: 1 }], waitForLeaders: true });
}

/** Produces with acks=all, 500 messages a request. */
export async function produce(kafka: Kafka, topic: string, messages: Message[]): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 500) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 500) });
  } finally {
    await producer.disconnect();
  }
}

export interface ReadRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  timestamp: number;
}

/** High watermark of each partition, in partition order. */
export async function endOffsets(admin: Admin, topic: string): Promise<number[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.sort((a, b) => a.partition - b.partition).map((p) => Number(p.high));
}

/** Committed offsets of a group for a topic, by partition (-1 where nothing is committed). */
export async function committed(admin: Admin, groupId: string, topic: string): Promise<number[]> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return entry!.partitions.sort((a, b) => a.partition - b.partition).map((p) => Number(p.offset));
}

/**
 * Everything committed in `topic` up to its current end, read (read_committed) by a throwaway
 * consumer group, in partition/offset order. Transaction markers take offsets but are no records,
 * so the read ends when every partition's position reaches its end, not after a record count.
 */
export async function readTopic(kafka: Kafka, admin: Admin, topic: string): Promise<ReadRecord[]> {
  const ends = await admin.fetchTopicOffsets(topic);
  const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  if (remaining.size === 0) return [];
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${process.hrtime.bigint()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  const out: ReadRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      // Also emitted for fetches that held only markers or aborted records, which eachMessage never sees.
      consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
        const end = remaining.get(payload.partition);
        if (end !== undefined && Number(payload.lastOffset) + 1 >= end) remaining.delete(payload.partition);
        if (remaining.size === 0) resolve();
      });
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            out.push(toReadRecord(partition, message));
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return out.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

function toReadRecord(partition: number, message: KafkaMessage): ReadRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(Array.isArray(v) ? v[0] : v);
  return {
    partition,
    offset: Number(message.offset),
    key: message.key ? message.key.toString() : null,
    value: message.value,
    headers,
    timestamp: Number(message.timestamp),
  };
}
