import type { Kafka } from 'kafkajs';
import type { PlannedOffset } from './reset-plan.js';

/**
 * Commits offsets for an inactive group. kafkajs has no admin call for that, so this joins the
 * group for a moment as its only member, commits within that generation and leaves. (kafkajs's own
 * admin.setOffsets does the same per topic, but waits out a full fetch wait each time.)
 */
export async function commitGroupOffsets(kafka: Kafka, groupId: string, offsets: readonly PlannedOffset[]): Promise<void> {
  if (offsets.length === 0) return;
  const topics = [...new Set(offsets.map((o) => o.topic))];
  let crash: unknown;
  const consumer = kafka.consumer({
    groupId,
    maxWaitTimeInMs: 100,
    retry: { retries: 4, restartOnFailure: async () => false },
  });
  consumer.on(consumer.events.CRASH, (event) => (crash = event.payload.error));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics });
    await consumer.run({ autoCommit: false, eachBatch: async () => undefined });
    if (crash) throw crash;
    consumer.pause(topics.map((topic) => ({ topic })));
    await consumer.commitOffsets(
      offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset.toString() })),
    );
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
