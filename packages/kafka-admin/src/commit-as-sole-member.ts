import type { Kafka } from 'kafkajs';

export interface OffsetToCommit {
  topic: string;
  partition: number;
  offset: number | bigint | string;
}

/**
 * Commits offsets for an inactive group. Kafka's admin API has no call for that, but a member can:
 * join the group for a moment as its only member, commit within that generation, and leave.
 * (kafkajs's admin.setOffsets does the same per topic, but waits out a full fetch wait each time.)
 */
export async function commitAsSoleMember(kafka: Kafka, groupId: string, offsets: readonly OffsetToCommit[]): Promise<void> {
  if (offsets.length === 0) return;
  const topics = [...new Set(offsets.map((o) => o.topic))];
  let crash: unknown;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, retry: { retries: 4, restartOnFailure: async () => false } });
  consumer.on(consumer.events.CRASH, (event) => (crash = event.payload.error));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics });
    await consumer.run({ autoCommit: false, eachBatch: async () => undefined });
    if (crash) throw crash;
    consumer.pause(topics.map((topic) => ({ topic })));
    await consumer.commitOffsets(offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: String(o.offset) })));
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
