import * as z from 'zod';
import { pipelineStatusSchema } from './pipelines.js';
import { headersSchema, payloadSchema } from './records.js';

/** Kafka's own rule for topic names. */
export const topicNameSchema = z
  .string({ error: 'the topic name must be a string' })
  .min(1, { error: 'the topic name cannot be empty' })
  .max(249, { error: 'topic names are at most 249 characters' })
  .regex(/^[A-Za-z0-9._-]+$/, { error: 'topic names use only letters, digits, ".", "_" and "-"' })
  .refine((name) => name !== '.' && name !== '..', { error: 'a topic cannot be named "." or ".."' });

export const partitionViewSchema = z.object({
  partition: z.number(),
  leader: z.number(),
  /** First offset still in the log. */
  earliestOffset: z.number(),
  /** Offset the next record will get (the high watermark). */
  endOffset: z.number(),
  messages: z.number(),
});
export type PartitionView = z.output<typeof partitionViewSchema>;

/** `GET /api/topics/:name`, and each topic of `GET /api/topics`. */
export const topicViewSchema = z.object({
  name: z.string(),
  /** Kafka's own topics (`__consumer_offsets`, …). */
  internal: z.boolean(),
  partitions: z.array(partitionViewSchema),
  messages: z.number(),
});
export type TopicView = z.output<typeof topicViewSchema>;

export const topicListSchema = z.object({ topics: z.array(topicViewSchema) });
export type TopicList = z.output<typeof topicListSchema>;

/** `POST /api/topics`. */
export const createTopicSchema = z.strictObject({
  name: topicNameSchema,
  /** The broker's default (num.partitions) when absent. */
  partitions: z.int().min(1).max(10_000).optional(),
  replicationFactor: z.int().min(1).max(32).optional(),
  /** Topic configs as in kafka-topics.sh --config, e.g. { "retention.ms": "86400000" }. */
  config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type CreateTopicRequest = z.input<typeof createTopicSchema>;

/** `POST /api/topics/:name/messages`: a test record. */
export const produceRecordSchema = z.strictObject({
  key: z.string().nullable().optional(),
  /** A string is written as its text, null as a tombstone, anything else as JSON. */
  value: z.unknown(),
  headers: headersSchema.optional(),
  partition: z.int().min(0).optional(),
});
export type ProduceRecordRequest = z.input<typeof produceRecordSchema>;

export const producedRecordSchema = z.object({ topic: z.string(), partition: z.number(), offset: z.number() });
export type ProducedRecord = z.output<typeof producedRecordSchema>;

export const PEEK_LIMIT_MAX = 500;
const DEFAULT_PEEK_LIMIT = 50;

const queryInt = (what: string, min: number, max?: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${what} must be a whole number` })
    .transform(Number)
    .pipe(max === undefined ? z.number().min(min) : z.number().min(min).max(max, { error: `${what} is at most ${max}` }));

/** `GET /api/topics/:name/messages?partition=&offset=&limit=` (query strings, as they arrive). */
export const peekQuerySchema = z.object({
  partition: queryInt('partition', 0).optional(),
  offset: queryInt('offset', 0).optional(),
  limit: queryInt('limit', 1, PEEK_LIMIT_MAX).default(DEFAULT_PEEK_LIMIT),
});
export type PeekQuery = z.output<typeof peekQuerySchema>;

export const peekedMessageSchema = z.object({
  partition: z.number(),
  offset: z.number(),
  /** Epoch milliseconds. */
  timestamp: z.number(),
  key: payloadSchema,
  value: payloadSchema,
  headers: headersSchema,
});
export type PeekedMessage = z.output<typeof peekedMessageSchema>;

export const peekResultSchema = z.object({
  topic: z.string(),
  partitions: z.array(z.object({ partition: z.number(), earliestOffset: z.number(), endOffset: z.number() })),
  messages: z.array(peekedMessageSchema),
});
export type PeekResult = z.output<typeof peekResultSchema>;

export function topicPath(name: string): string {
  return `/api/topics/${encodeURIComponent(name)}`;
}

/** `GET /api/topics/:name/readers`: the pipelines and consumer groups that read a topic. */
export const topicReadersSchema = z.object({
  topic: z.string(),
  pipelines: z.array(z.object({ id: z.string(), name: z.string(), status: pipelineStatusSchema })),
  /** Consumer groups other than the listed pipelines' own. */
  groups: z.array(z.object({ groupId: z.string(), state: z.string(), members: z.number(), pipelineId: z.string().optional() })),
});
export type TopicReaders = z.output<typeof topicReadersSchema>;
