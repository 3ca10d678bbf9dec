import type { LatencySummary, RunnerMetrics } from '@sluice/streams';
import type { Pipeline } from '@sluice/topology';
import type { EdgeMetrics, NodeMetrics, PipelineMetrics, SourceLag } from '@sluice/api';

export type { EdgeMetrics, NodeMetrics, PipelineMetrics, SourceLag } from '@sluice/api';

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
    const nodes: Record<string, NodeMetrics> = {};
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
    const edges: Record<string, EdgeMetrics> = {};
    for (const edge of pipeline.edges) {
      edges[edge.id] = {
        source: edge.source,
        target: edge.target,
        ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
        records: (this.carried.edges.get(edge.id) ?? 0) + (live?.edges[edge.id]?.records ?? 0),
        recordsPerSec: live?.rates.edges[edge.id] ?? 0,
      };
    }
    // The runner names partition progress as the contract does: it passes through as it is.
    const sources: SourceLag[] = (live?.sources ?? []).map((s) => ({ ...s }));
    return {
      pipelineId,
      name: pipeline.name,
      at: new Date(live?.at ?? now).toISOString(),
      nodes,
      edges,
      sources,
      lag: live?.totalLag ?? 0,
      latencyMs: live?.latencyMs ?? EMPTY_LATENCY,
      recordsProduced: this.carried.recordsProduced + (live?.recordsProduced ?? 0),
      deadLettersProduced: this.carried.deadLettersProduced + (live?.deadLettersProduced ?? 0),
      recordsProducedPerSec: live?.rates.recordsProducedPerSec ?? 0,
    };
  }
}
