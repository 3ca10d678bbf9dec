import * as z from 'zod';
import { topicNameSchema } from './topics.js';

export const groupIdSchema = z.string().min(1, { error: 'the group id cannot be empty' }).max(255, { error: 'group ids are at most 255 characters' });

/** One group of `GET /api/groups`. */
export const groupSummarySchema = z.object({
  groupId: z.string(),
  /** As Kafka names it: Empty, Stable, PreparingRebalance, CompletingRebalance, Dead. */
  state: z.string(),
  protocolType: z.string(),
  members: z.number(),
  /** Summed over committed partitions; null when the group committed nothing. */
  lag: z.number().nullable(),
  topics: z.array(z.string()),
  /** Set when the group is a pipeline's (`sluice-<id>`). */
  pipelineId: z.string().optional(),
});
export type GroupSummary = z.output<typeof groupSummarySchema>;

export const groupListSchema = z.object({ groups: z.array(groupSummarySchema) });

export const groupMemberSchema = z.object({
  memberId: z.string(),
  clientId: z.string(),
  host: z.string(),
  assignment: z.array(z.object({ topic: z.string(), partition: z.number() })),
});
export type GroupMemberView = z.output<typeof groupMemberSchema>;

export const groupPartitionSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  currentOffset: z.number().nullable(),
  earliestOffset: z.number().nullable(),
  logEndOffset: z.number().nullable(),
  lag: z.number().nullable(),
  memberId: z.string().optional(),
  clientId: z.string().optional(),
  host: z.string().optional(),
});
export type GroupPartitionView = z.output<typeof groupPartitionSchema>;

/** `GET /api/groups/:id`. */
export const groupDetailSchema = z.object({
  groupId: z.string(),
  state: z.string(),
  protocolType: z.string(),
  protocol: z.string(),
  pipelineId: z.string().optional(),
  members: z.array(groupMemberSchema),
  partitions: z.array(groupPartitionSchema),
  lag: z.number().nullable(),
});
export type GroupDetail = z.output<typeof groupDetailSchema>;

/** `POST /api/groups/:id/reset-offsets`, as kafka-consumer-groups.sh --reset-offsets. */
export const resetOffsetsSchema = z
  .strictObject({
    topic: topicNameSchema,
    to: z.enum(['earliest', 'latest', 'offset', 'shift'], { error: 'to must be "earliest", "latest", "offset" or "shift"' }),
    /** The offset (`offset`) or the number of records to move by (`shift`, may be negative). */
    value: z.int().optional(),
    /** Only these partitions; all of the topic's when absent. */
    partitions: z.array(z.int().min(0)).min(1).optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((r) => (r.to === 'offset' || r.to === 'shift' ? r.value !== undefined : r.value === undefined), {
    error: 'value is required with to "offset" or "shift", and only with them',
    path: ['value'],
  })
  .refine((r) => r.to !== 'offset' || (r.value ?? 0) >= 0, { error: 'an offset is 0 or more', path: ['value'] });
export type ResetOffsetsRequest = z.input<typeof resetOffsetsSchema>;

export const plannedResetSchema = z.object({ partition: z.number(), previousOffset: z.number().nullable(), newOffset: z.number() });
export type PlannedReset = z.output<typeof plannedResetSchema>;

/** The answer of a reset: where each partition moves (moved only when not `dryRun`). */
export const offsetResetSchema = z.object({
  groupId: z.string(),
  topic: z.string(),
  dryRun: z.boolean(),
  partitions: z.array(plannedResetSchema),
  warnings: z.array(z.string()),
});
export type OffsetReset = z.output<typeof offsetResetSchema>;

export function groupPath(id: string): string {
  return `/api/groups/${encodeURIComponent(id)}`;
}
