import * as z from 'zod';

// GET /api/pipelines/:id/metrics, and each running pipeline of a live snapshot. The names are the
// runtime's own (streams' RunnerMetrics), so a field is called the same from the runner to the canvas.
// Counts read leniently: a number a newer server adds passes through, a missing one reads as zero.

const count = z.number().catch(0).default(0);

export const nodeMetricsSchema = z.object({
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

/** One edge: the nodes it joins (as in the pipeline's edges) and the records that crossed it. */
export const edgeMetricsSchema = z.object({
  source: z.string(),
  target: z.string(),
  /** The branch output the edge leaves by. */
  sourceHandle: z.string().optional(),
  records: count,
  recordsPerSec: count,
});
export type EdgeMetrics = z.output<typeof edgeMetricsSchema>;

export const sourceLagSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  /** Last offset consumed, -1 before the first record. */
  offset: count,
  /** The partition's end offset (high watermark) when known. */
  endOffset: z.number().optional(),
  lag: z.number().optional(),
});
export type SourceLag = z.output<typeof sourceLagSchema>;

export const latencySchema = z.object({ count, min: count, mean: count, p50: count, p90: count, p99: count, max: count });
export type LatencySummary = z.output<typeof latencySchema>;

const NO_LATENCY: LatencySummary = { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };

export const pipelineMetricsSchema = z.object({
  pipelineId: z.string(),
  name: z.string(),
  /** ISO time the numbers were taken. */
  at: z.string(),
  /** Per node of the definition; totals count every run since the server started. */
  nodes: z.record(z.string(), nodeMetricsSchema).default({}),
  edges: z.record(z.string(), edgeMetricsSchema).default({}),
  sources: z.array(sourceLagSchema).default([]),
  /** Sum of the lag of every source partition. */
  lag: count,
  /** Record timestamp → output acknowledged, in ms, for the current run. */
  latencyMs: latencySchema.default(NO_LATENCY),
  recordsProduced: count,
  deadLettersProduced: count,
  recordsProducedPerSec: count,
});
export type PipelineMetrics = z.output<typeof pipelineMetricsSchema>;
