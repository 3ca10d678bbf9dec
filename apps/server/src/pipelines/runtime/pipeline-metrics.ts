import type { LatencySummary, RunnerMetrics } from '@sluice/streams';
import type { Pipeline } from '@sluice/topology';

export interface NodeMetricsView {
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly errors: number;
  readonly deadLetters: number;
  readonly skipped: number;
  readonly recordsInPerSec: number;
  readonly recordsOutPerSec: number;
  readonly errorsPerSec: number;
}

export interface EdgeMetricsView {
  readonly source: string;
  readonly target: string;
  readonly sourceHandle?: string;
  readonly records: number;
  readonly recordsPerSec: number;
}

export interface SourceLagView {
  readonly topic: string;
  readonly partition: number;
  /** Last offset consumed, -1 before the first record. */
  readonly offset: number;
  /** The partition's end offset (high watermark) when known. */
  readonly endOffset?: number;
  readonly lag?: number;
}

/** `GET /api/pipelines/:id/metrics`, and each pipeline in a live snapshot. */
export interface PipelineMetrics {
  readonly pipelineId: string;
  readonly name: string;
  /** ISO time the numbers were taken. */
  readonly at: string;
  /** Per node of the definition; totals count every run since the server started. */
  readonly nodes: Record<string, NodeMetricsView>;
  readonly edges: Record<string, EdgeMetricsView>;
  readonly sources: readonly SourceLagView[];
  /** Sum of the lag of every source partition. */
  readonly lag: number;
  /** Record timestamp → output acknowledged, in ms, for the current run. */
  readonly latencyMs: LatencySummary;
  readonly recordsProduced: number;
  readonly deadLettersProduced: number;
  readonly recordsProducedPerSec: number;
}

/** The parts of a pipeline a metrics view is laid out by. */
export type MetricsDefinition = Pick<Pipeline, 'name' | 'nodes' | 'edges'>;

interface Totals {
  nodes: Map<string, { recordsIn: number; recordsOut: number; errors: number; deadLetters: number; skipped: number }>;
  edges: Map<string, number>;
  recordsProduced: number;
  deadLettersProduced: number;
}

const EMPTY_LATENCY: LatencySummary = { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };

/**
 * A pipeline's metrics across the runs of its worker: each restart begins counting at zero, so
 * counts of finished runs are carried and added to the live run's, and totals never go back.
 */
export class PipelineMetricsAccount {
  private readonly carried: Totals = { nodes: new Map(), edges: new Map(), recordsProduced: 0, deadLettersProduced: 0 };
  private live: RunnerMetrics | undefined;

  /** A snapshot from the worker of the current run. */
  update(metrics: RunnerMetrics): void {
    this.live = metrics;
  }

  /** The current run ended: keep its counts. */
  endRun(): void {
    const run = this.live;
    this.live = undefined;
    if (!run) return;
    for (const [id, n] of Object.entries(run.nodes)) {
      const c = this.carried.nodes.get(id) ?? { recordsIn: 0, recordsOut: 0, errors: 0, deadLetters: 0, skipped: 0 };
      c.recordsIn += n.recordsIn;
      c.recordsOut += n.recordsOut;
      c.errors += n.errors;
      c.deadLetters += n.deadLetters;
      c.skipped += n.skipped;
      this.carried.nodes.set(id, c);
    }
    for (const [id, e] of Object.entries(run.edges)) this.carried.edges.set(id, (this.carried.edges.get(id) ?? 0) + e.records);
    this.carried.recordsProduced += run.recordsProduced;
    this.carried.deadLettersProduced += run.deadLettersProduced;
  }

  get running(): boolean {
    return this.live !== undefined;
  }

  /** The view for a definition: every node and edge of it, zero where nothing has run. */
  view(pipelineId: string, pipeline: MetricsDefinition, now: number = Date.now()): PipelineMetrics {
    const live = this.live;
    const nodes: Record<string, NodeMetricsView> = {};
    for (const node of pipeline.nodes) {
      const c = this.carried.nodes.get(node.id);
      const l = live?.nodes[node.id];
      const r = live?.rates.nodes[node.id];
      nodes[node.id] = {
        recordsIn: (c?.recordsIn ?? 0) + (l?.recordsIn ?? 0),
        recordsOut: (c?.recordsOut ?? 0) + (l?.recordsOut ?? 0),
        errors: (c?.errors ?? 0) + (l?.errors ?? 0),
        deadLetters: (c?.deadLetters ?? 0) + (l?.deadLetters ?? 0),
        skipped: (c?.skipped ?? 0) + (l?.skipped ?? 0),
        recordsInPerSec: r?.recordsInPerSec ?? 0,
        recordsOutPerSec: r?.recordsOutPerSec ?? 0,
        errorsPerSec: r?.errorsPerSec ?? 0,
      };
    }
    const edges: Record<string, EdgeMetricsView> = {};
    for (const edge of pipeline.edges) {
      edges[edge.id] = {
        source: edge.source,
        target: edge.target,
        ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
        records: (this.carried.edges.get(edge.id) ?? 0) + (live?.edges[edge.id]?.records ?? 0),
        recordsPerSec: live?.rates.edges[edge.id] ?? 0,
      };
    }
    const sources: SourceLagView[] = (live?.sources ?? []).map((s) => ({
      topic: s.topic,
      partition: s.partition,
      offset: s.offset,
      ...(s.highWatermark !== undefined ? { endOffset: s.highWatermark } : {}),
      ...(s.lag !== undefined ? { lag: s.lag } : {}),
    }));
    return {
      pipelineId,
      name: pipeline.name,
      at: new Date(live?.at ?? now).toISOString(),
      nodes,
      edges,
      sources,
      lag: live?.totalLag ?? 0,
      latencyMs: live?.latency ?? EMPTY_LATENCY,
      recordsProduced: this.carried.recordsProduced + (live?.recordsProduced ?? 0),
      deadLettersProduced: this.carried.deadLettersProduced + (live?.deadLettersProduced ?? 0),
      recordsProducedPerSec: live?.rates.recordsProducedPerSec ?? 0,
    };
  }
}
