import * as z from 'zod';

/** Kafka's own rule for topic names. */
export const topicNameSchema = z
  .string({ error: 'the topic name must be a string' })
  .min(1, { error: 'the topic name cannot be empty' })
  .max(249, { error: 'topic names are at most 249 characters' })
  .regex(/^[A-Za-z0-9._-]+$/, { error: 'topic names use only letters, digits, ".", "_" and "-"' })
  .refine((name) => name !== '.' && name !== '..', { error: 'a topic cannot be named "." or ".."' });

export const createTopicSchema = z.strictObject({
  name: topicNameSchema,
  /** The broker's default (num.partitions) when absent. */
  partitions: z.int().min(1).max(10_000).optional(),
  replicationFactor: z.int().min(1).max(32).optional(),
  /** Topic configs as in kafka-topics.sh --config, e.g. { "retention.ms": "86400000" }. */
  config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type CreateTopicRequest = z.output<typeof createTopicSchema>;

export const produceRecordSchema = z.strictObject({
  key: z.string().nullable().optional(),
  /** A string is written as its text, null as a tombstone, anything else as JSON. */
  value: z.unknown(),
  headers: z.record(z.string(), z.string()).optional(),
  partition: z.int().min(0).optional(),
});
export type ProduceRecordRequest = z.output<typeof produceRecordSchema>;

export const PEEK_LIMIT_MAX = 500;
const DEFAULT_PEEK_LIMIT = 50;

const queryInt = (what: string, min: number, max?: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${what} must be a whole number` })
    .transform(Number)
    .pipe(max === undefined ? z.number().min(min) : z.number().min(min).max(max, { error: `${what} is at most ${max}` }));

export const peekQuerySchema = z.object({
  partition: queryInt('partition', 0).optional(),
  offset: queryInt('offset', 0).optional(),
  limit: queryInt('limit', 1, PEEK_LIMIT_MAX).default(DEFAULT_PEEK_LIMIT),
});
export type PeekQuery = z.output<typeof peekQuerySchema>;
