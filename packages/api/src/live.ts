import * as z from 'zod';
import { pipelineMetricsSchema } from './metrics.js';
import { pipelineStatusSchema } from './pipelines.js';

/** The name of the one event `GET /api/live` sends, once a second. */
export const LIVE_SNAPSHOT_EVENT = 'snapshot';

/** One pipeline in a snapshot: status for every pipeline, metrics for each one that is not stopped. */
export const livePipelineSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: pipelineStatusSchema,
  error: z.string().optional(),
  metrics: pipelineMetricsSchema.optional(),
});
export type LivePipeline = z.output<typeof livePipelineSchema>;

/** The `data` of one `snapshot` event on `GET /api/live`. */
export const liveSnapshotSchema = z.object({
  at: z.string(),
  pipelines: z.array(livePipelineSchema),
});
export type LiveSnapshot = z.output<typeof liveSnapshotSchema>;
