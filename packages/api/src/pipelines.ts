import * as z from 'zod';
import { issueSchema } from './issues.js';

export const PIPELINE_STATUSES = ['deploying', 'running', 'stopped', 'failed'] as const;
export const pipelineStatusSchema = z.enum(PIPELINE_STATUSES);
export type PipelineStatus = z.output<typeof pipelineStatusSchema>;

/** Whether the server keeps a pipeline running (it may be restarting after a crash). */
export const desiredStateSchema = z.enum(['running', 'stopped']);
export type DesiredState = z.output<typeof desiredStateSchema>;

/** One pipeline in `GET /api/pipelines`. */
export const pipelineSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  status: pipelineStatusSchema,
  /** Why it is failed, while it is. */
  error: z.string().optional(),
  lastError: z.object({ message: z.string(), at: z.string() }).optional(),
  restarts: z.number(),
  desiredState: desiredStateSchema,
  /** False for a draft with issues; such a pipeline cannot be started. */
  valid: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deployedAt: z.string().optional(),
  /** exactly_once_v2 unless the pipeline says at_least_once. */
  processingGuarantee: z.enum(['exactly_once_v2', 'at_least_once']).optional(),
});
export type PipelineSummary = z.output<typeof pipelineSummarySchema>;

/** `GET /api/pipelines/:id`, and the answer of every call that changes one: the summary, the definition and what is wrong with it. */
export const pipelineDetailSchema = pipelineSummarySchema.extend({
  definition: z.record(z.string(), z.unknown()),
  issues: z.array(issueSchema),
  /** The consumer group the pipeline reads with. */
  consumerGroup: z.string().optional(),
  nextRestartAt: z.string().optional(),
  /** True while the saved definition differs from the one running (saved with deploy=false). */
  pendingChanges: z.boolean(),
});
export type PipelineDetail = z.output<typeof pipelineDetailSchema>;

export const pipelineListSchema = z.object({ pipelines: z.array(pipelineSummarySchema) });
export type PipelineList = z.output<typeof pipelineListSchema>;

/**
 * Saving a definition (POST, PUT) deploys it unless `?deploy=false`; PUT redeploys only a
 * pipeline that runs. To run an existing pipeline whatever its state, use `pipelineDeployPath`.
 */
export function deployQuery(deploy: boolean): string {
  return deploy ? '' : '?deploy=false';
}

export function pipelinePath(id: string): string {
  return `/api/pipelines/${encodeURIComponent(id)}`;
}

/**
 * The deploy verb, one for the canvas, the CLI and REST: `POST /api/pipelines/:id/deploy` with an
 * optional definition as the body (saved first, strictly validated) starts a stopped pipeline or
 * redeploys a running one; the answer is a `PipelineDetail`, a 400 lists the issues.
 */
export function pipelineDeployPath(id: string): string {
  return `${pipelinePath(id)}/deploy`;
}
