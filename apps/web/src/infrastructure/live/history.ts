import { RingBuffer } from './ring-buffer.js';
import type { PipelineMetrics } from './live-schema.js';

/** 15 minutes of one-second snapshots. */
export const HISTORY_SECONDS = 15 * 60;

/** One pipeline's numbers at one moment, as the charts plot them. */
export interface HistoryPoint {
  /** Unix time in seconds (uPlot's x axis unit). */
  t: number;
  /** Records per second read by the source nodes. */
  in: number;
  /** Records per second written by the sinks. */
  out: number;
  errors: number;
  /** Consumer lag summed per source topic. */
  lagByTopic: Record<string, number>;
  lag: number;
  p50: number;
  p99: number;
}

/** Nodes that no edge leads into: the sources. */
export function entryNodeIds(metrics: PipelineMetrics): string[] {
  const targets = new Set<string>();
  for (const edge of Object.values(metrics.edges)) if (edge.target) targets.add(edge.target);
  return Object.keys(metrics.nodes).filter((id) => !targets.has(id));
}

/** Lag summed over the partitions of each source topic. */
export function lagByTopic(metrics: PipelineMetrics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const source of metrics.sources) out[source.topic] = (out[source.topic] ?? 0) + (source.lag ?? 0);
  return out;
}

export function historyPoint(metrics: PipelineMetrics, atMs: number): HistoryPoint {
  let inRate = 0;
  for (const id of entryNodeIds(metrics)) inRate += metrics.nodes[id]?.recordsInPerSec ?? 0;
  let errors = 0;
  for (const node of Object.values(metrics.nodes)) errors += node.errorsPerSec;
  return {
    t: atMs / 1000,
    in: inRate,
    out: metrics.recordsProducedPerSec,
    errors,
    lagByTopic: lagByTopic(metrics),
    lag: metrics.lag,
    p50: metrics.latencyMs.p50,
    p99: metrics.latencyMs.p99,
  };
}

/** A pipeline's recent points, oldest first, capped at HISTORY_SECONDS. */
export class PipelineHistory {
  private readonly points: RingBuffer<HistoryPoint>;

  constructor(capacity = HISTORY_SECONDS) {
    this.points = new RingBuffer(capacity);
  }

  get size(): number {
    return this.points.size;
  }

  /** Adds a point; one with the same or an earlier time than the last replaces nothing and is ignored. */
  add(point: HistoryPoint): boolean {
    const last = this.points.last();
    if (last && point.t <= last.t) return false;
    this.points.push(point);
    return true;
  }

  toArray(): HistoryPoint[] {
    return this.points.toArray();
  }

  last(): HistoryPoint | undefined {
    return this.points.last();
  }

  /** Points no older than `seconds` before the newest one. */
  recent(seconds: number): HistoryPoint[] {
    const all = this.points.toArray();
    const newest = all.at(-1);
    if (!newest) return [];
    return all.filter((p) => p.t >= newest.t - seconds);
  }
}
