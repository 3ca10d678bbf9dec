import kafkajs from 'kafkajs';
import type { Kafka } from 'kafkajs';

/** A plain kafkajs client for setting up and checking what the CLI did, independent of the CLI. */
export function kafkaClient(bootstrap: string): Kafka {
  return new kafkajs.Kafka({ clientId: 'cli-test', brokers: [bootstrap], logLevel: kafkajs.logLevel.NOTHING });
}

/** Sum of the high watermarks of a topic: how many records it holds. */
export async function recordCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}
