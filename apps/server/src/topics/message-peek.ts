import { randomBytes } from 'node:crypto';
import { fixedAssignment } from '@sluice/kafka-admin';
import { isCoveredByUndecodableBatch } from '@sluice/kafka-codecs';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { decodeHeaders, decodePayload, type PayloadView } from './record-payload.js';
import type { PeekQuery } from './topic-requests.js';
import type { PeekedMessage, PeekResult } from '@sluice/api';

export type { PeekedMessage, PeekResult } from '@sluice/api';

export interface PartitionRange {
  readonly partition: number;
  readonly earliestOffset: number;
  readonly endOffset: number;
}

/** What to read from one partition: offsets [from, to). */
export interface ReadPlan {
  readonly partition: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Which offsets a peek reads. With `offset`, up to `limit` records from there in each chosen
 * partition; without, the newest `limit` of each (the merge then keeps the newest overall).
 */
export function planPeek(partitions: readonly PartitionRange[], query: PeekQuery): ReadPlan[] {
  const chosen = query.partition === undefined ? partitions : partitions.filter((p) => p.partition === query.partition);
  const plans: ReadPlan[] = [];
  for (const p of chosen) {
    const from =
      query.offset === undefined
        ? Math.max(p.earliestOffset, p.endOffset - query.limit)
        : Math.min(Math.max(query.offset, p.earliestOffset), p.endOffset);
    const to = Math.min(p.endOffset, from + query.limit);
    if (from < to) plans.push({ partition: p.partition, from, to });
  }
  return plans;
}

/**
 * Orders what was read (by offset within one partition, by time across several) and keeps
 * `limit`: the first ones after an offset, else the newest.
 */
export function mergePeeked(messages: PeekedMessage[], query: PeekQuery): PeekedMessage[] {
  const ordered =
    query.partition !== undefined
      ? messages.sort((a, b) => a.offset - b.offset)
      : messages.sort((a, b) => a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset);
  if (ordered.length <= query.limit) return ordered;
  return query.offset === undefined ? ordered.slice(ordered.length - query.limit) : ordered.slice(0, query.limit);
}

const READ_GUARD_MS = 15_000;
const ASSIGNER = 'SluicePeek';

/**
 * Reads records without joining anyone's group or committing anything. kafkajs consumers always
 * join a group, so this uses a throwaway group whose assignor hands the planned partitions to its
 * only member, seeks to the planned offsets, and deletes the group afterwards.
 */
export async function peekMessages(kafka: Kafka, topic: string, partitions: readonly PartitionRange[], query: PeekQuery): Promise<PeekResult> {
  const plans = planPeek(partitions, query);
  if (plans.length === 0) return { topic, partitions: [...partitions], messages: [] };

  const groupId = `sluice-peek-${randomBytes(6).toString('hex')}`;
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    partitionAssigners: [fixedAssignment(topic, plans.map((p) => p.partition))],
    maxWaitTimeInMs: 200,
    retry: { retries: 2 },
  });
  const collected: PeekedMessage[] = [];
  const remaining = new Map(plans.map((p) => [p.partition, p]));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const guard = setTimeout(resolve, READ_GUARD_MS); // whatever arrived by then is the answer
      const finish = () => {
        clearTimeout(guard);
        resolve();
      };
      consumer.on(consumer.events.CRASH, (event) => {
        clearTimeout(guard);
        reject(event.payload.error);
      });
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const plan = remaining.get(batch.partition);
            if (!plan) return;
            for (const message of batch.messages) {
              const offset = Number(message.offset);
              if (offset < plan.from) continue;
              if (offset >= plan.to) break;
              // A batch no codec can read shows once: its first record, whose headers say why.
              if (isCoveredByUndecodableBatch(message.headers)) continue;
              collected.push(toPeeked(batch.partition, message));
            }
            if (Number(batch.lastOffset()) >= plan.to - 1) remaining.delete(batch.partition);
            if (remaining.size === 0) finish();
          },
        })
        .then(() => {
          for (const plan of plans) consumer.seek({ topic, partition: plan.partition, offset: String(plan.from) });
        })
        .catch((err: unknown) => {
          clearTimeout(guard);
          reject(err);
        });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await deleteGroup(kafka, groupId);
  }
  return { topic, partitions: [...partitions], messages: mergePeeked(collected, query) };
}

function toPeeked(partition: number, message: KafkaMessage): PeekedMessage {
  return {
    partition,
    offset: Number(message.offset),
    timestamp: Number(message.timestamp),
    key: decodePayload(message.key),
    value: decodePayload(message.value),
    headers: decodeHeaders(message.headers),
  };
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // A leftover empty group holds no offsets and expires on its own.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
