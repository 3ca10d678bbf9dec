import * as z from 'zod';

// The REST contract (SPEC.md "REST API"), read leniently: fields the server adds later pass through,
// and optional ones may be missing on older servers. Parsed once here, typed everywhere else.

const issueSchema = z.object({
  path: z.string().default(''),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  code: z.string().optional(),
  position: z
    .object({ line: z.number(), column: z.number(), offset: z.number(), length: z.number() })
    .optional(),
});
export type ApiIssue = z.output<typeof issueSchema>;

const timestamp = z.union([z.string(), z.number()]).nullish();

export const pipelineStatusSchema = z.string();
/** `deploying`, `running`, `stopped`, `failed` per the contract; drafts may report others. */
export type PipelineStatus = 'deploying' | 'running' | 'stopped' | 'failed' | (string & {});

export const pipelineRecordSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: pipelineStatusSchema,
  error: z.string().nullish(),
  definition: z.unknown().optional(),
  issues: z.array(issueSchema).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deployedAt: timestamp,
  /** Whether the server wants it running (it may be restarting after a crash). */
  desiredState: z.string().optional(),
  /** True while the saved definition differs from the one running (saved with deploy=false). */
  pendingChanges: z.boolean().optional(),
  /** False for a draft with issues; it cannot start. */
  valid: z.boolean().optional(),
  lastError: z.object({ message: z.string(), at: z.string() }).nullish(),
  nextRestartAt: z.string().nullish(),
  /** exactly_once_v2 or at_least_once. */
  processingGuarantee: z.string().optional(),
});
export type PipelineRecord = z.output<typeof pipelineRecordSchema>;

export const pipelineListSchema = z.union([
  z.array(pipelineRecordSchema),
  z.object({ pipelines: z.array(pipelineRecordSchema) }).transform((body) => body.pipelines),
]);

const topicSchema = z.union([
  z.string().transform((name) => ({ name })),
  z.looseObject({ name: z.string(), internal: z.boolean().optional() }),
]);
export const topicListSchema = z.union([
  z.array(topicSchema),
  z.object({ topics: z.array(topicSchema) }).transform((body) => body.topics),
]);
export type TopicSummary = { name: string; internal?: boolean };

export const errorBodySchema = z.object({
  error: z.string().optional(),
  message: z.string().optional(),
  issues: z.array(issueSchema).optional(),
});

export const healthSchema = z.looseObject({ status: z.string().optional() });
export type Health = z.output<typeof healthSchema>;
