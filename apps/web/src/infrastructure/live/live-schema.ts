import * as z from 'zod';

// The `data` of one `snapshot` event on GET /api/live (apps/server/README.md), read leniently:
// numbers the server adds later pass through, missing ones read as zero.

const count = z.number().catch(0).default(0);

const nodeMetricsSchema = z.looseObject({
  recordsIn: count,
  recordsOut: count,
  errors: count,
  deadLetters: count,
  skipped: count,
  recordsInPerSec: count,
  recordsOutPerSec: count,
  errorsPerSec: count,
});
export type NodeMetrics = z.output<typeof nodeMetricsSchema>;

const edgeMetricsSchema = z.looseObject({
  source: z.string().optional(),
  target: z.string().optional(),
  sourceHandle: z.string().optional(),
  records: count,
  recordsPerSec: count,
});
export type EdgeMetrics = z.output<typeof edgeMetricsSchema>;

const sourceLagSchema = z.looseObject({
  topic: z.string(),
  partition: z.number(),
  offset: count,
  endOffset: z.number().optional(),
  lag: z.number().optional(),
});
export type SourceLag = z.output<typeof sourceLagSchema>;

const latencySchema = z.looseObject({ count, min: count, mean: count, p50: count, p90: count, p99: count, max: count });
export type LatencySummary = z.output<typeof latencySchema>;

export const pipelineMetricsSchema = z.looseObject({
  pipelineId: z.string().optional(),
  at: z.string().optional(),
  nodes: z.record(z.string(), nodeMetricsSchema).default({}),
  edges: z.record(z.string(), edgeMetricsSchema).default({}),
  sources: z.array(sourceLagSchema).default([]),
  lag: count,
  latencyMs: latencySchema.default({ count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 }),
  recordsProduced: count,
  deadLettersProduced: count,
  recordsProducedPerSec: count,
});
export type PipelineMetrics = z.output<typeof pipelineMetricsSchema>;

const livePipelineSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  error: z.string().optional(),
  metrics: pipelineMetricsSchema.optional(),
});
export type LivePipeline = z.output<typeof livePipelineSchema>;

export const liveSnapshotSchema = z.object({
  at: z.string(),
  pipelines: z.array(livePipelineSchema),
});
export type LiveSnapshot = z.output<typeof liveSnapshotSchema>;

/** The snapshot in an event's data, or null when it is not one (a newer or broken server). */
export function readSnapshot(data: string): LiveSnapshot | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = liveSnapshotSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
