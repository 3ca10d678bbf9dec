import type { MetricsSnapshot } from './topology-metrics.js';

export interface NodeRates {
  readonly recordsInPerSec: number;
  readonly recordsOutPerSec: number;
  readonly errorsPerSec: number;
}

export interface MetricsRates {
  /** Seconds between the two snapshots. */
  readonly intervalSec: number;
  readonly nodes: Record<string, NodeRates>;
  readonly edges: Record<string, number>;
  readonly recordsProducedPerSec: number;
}

/** Per-second rates between two snapshots of the same topology (zero when no time passed). */
export function computeRates(previous: MetricsSnapshot, current: MetricsSnapshot): MetricsRates {
  const intervalSec = Math.max(0, (current.at - previous.at) / 1000);
  const rate = (now: number, before: number | undefined) =>
    intervalSec > 0 ? Math.max(0, now - (before ?? 0)) / intervalSec : 0;
  const nodes: Record<string, NodeRates> = {};
  for (const [name, node] of Object.entries(current.nodes)) {
    const before = previous.nodes[name];
    nodes[name] = {
      recordsInPerSec: rate(node.recordsIn, before?.recordsIn),
      recordsOutPerSec: rate(node.recordsOut, before?.recordsOut),
      errorsPerSec: rate(node.errors, before?.errors),
    };
  }
  const edges: Record<string, number> = {};
  for (const [id, edge] of Object.entries(current.edges)) edges[id] = rate(edge.records, previous.edges[id]?.records);
  return { intervalSec, nodes, edges, recordsProducedPerSec: rate(current.recordsProduced, previous.recordsProduced) };
}
