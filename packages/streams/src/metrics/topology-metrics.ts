import { RecordTaps } from '../taps/index.js';
import type { Topology } from '../topology/index.js';
import { LatencyHistogram, type LatencySummary } from './latency-histogram.js';

/** Progress of one source partition; the task writes `offset`, the runner `endOffset`. */
export interface PartitionProgress {
  readonly topic: string;
  readonly partition: number;
  /** Last consumed offset, -1 before the first record. */
  offset: number;
  /** Offset of the next record the broker will write (the high watermark), when the runner has seen one. */
  endOffset: number | undefined;
}

export interface NodeMetrics {
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly errors: number;
  readonly deadLetters: number;
  readonly skipped: number;
}

/** Named as the pipeline's edges and the REST contract name them, so no hop renames a field. */
export interface EdgeMetrics {
  readonly source: string;
  readonly target: string;
  /** The branch output the edge leaves by. */
  readonly sourceHandle?: string;
  readonly records: number;
}

export interface SourcePartitionMetrics {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly endOffset?: number;
  /** Records not consumed yet: endOffset − (offset + 1). */
  readonly lag?: number;
}

/** A JSON-able picture of a running topology's counters at one instant. */
export interface MetricsSnapshot {
  readonly topology: string;
  /** Epoch ms when taken. */
  readonly at: number;
  readonly nodes: Record<string, NodeMetrics>;
  readonly edges: Record<string, EdgeMetrics>;
  readonly sources: readonly SourcePartitionMetrics[];
  /** Record timestamp → sink write acknowledged, in ms. */
  readonly latencyMs: LatencySummary;
  readonly recordsProduced: number;
  readonly deadLettersProduced: number;
}

/**
 * Counters of one topology instance, shared by its tasks. Plain numbers in arrays indexed by node
 * and edge index, incremented in the hot path by the task runtime.
 */
export class TopologyMetrics {
  readonly recordsIn: number[];
  readonly recordsOut: number[];
  readonly errors: number[];
  readonly deadLetters: number[];
  readonly skipped: number[];
  readonly edgeRecords: number[];
  readonly latency = new LatencyHistogram();
  /** Record sampling at tapped nodes and edges; idle (and free) until something is tapped. */
  readonly taps: RecordTaps;
  recordsProduced = 0;
  deadLettersProduced = 0;
  private readonly progressByPartition = new Map<string, PartitionProgress>();

  constructor(
    readonly topology: Topology,
    private readonly now: () => number = Date.now,
  ) {
    const zeros = (n: number) => new Array<number>(n).fill(0);
    this.recordsIn = zeros(topology.nodes.length);
    this.recordsOut = zeros(topology.nodes.length);
    this.errors = zeros(topology.nodes.length);
    this.deadLetters = zeros(topology.nodes.length);
    this.skipped = zeros(topology.nodes.length);
    this.edgeRecords = zeros(topology.edges.length);
    this.taps = new RecordTaps(topology);
  }

  /** The progress entry of a source partition, made on first use; tasks keep the reference. */
  partition(topic: string, partition: number): PartitionProgress {
    const id = `${topic}\u0000${partition}`;
    let progress = this.progressByPartition.get(id);
    if (!progress) {
      progress = { topic, partition, offset: -1, endOffset: undefined };
      this.progressByPartition.set(id, progress);
    }
    return progress;
  }

  /** Every source partition with an entry. */
  partitions(): PartitionProgress[] {
    return [...this.progressByPartition.values()];
  }

  /** Forgets a partition this instance no longer owns (after a rebalance). */
  dropPartition(topic: string, partition: number): void {
    this.progressByPartition.delete(`${topic}\u0000${partition}`);
  }

  /** A produced record was acknowledged; `timestamp` is the record's (source) timestamp. */
  sinkAcknowledged(timestamp: number, ackedAt: number = this.now()): void {
    this.recordsProduced++;
    this.latency.record(ackedAt - timestamp);
  }

  deadLetterAcknowledged(): void {
    this.deadLettersProduced++;
  }

  snapshot(): MetricsSnapshot {
    const nodes: Record<string, NodeMetrics> = {};
    for (const node of this.topology.nodes) {
      const i = node.index;
      nodes[node.name] = {
        recordsIn: this.recordsIn[i]!,
        recordsOut: this.recordsOut[i]!,
        errors: this.errors[i]!,
        deadLetters: this.deadLetters[i]!,
        skipped: this.skipped[i]!,
      };
    }
    const edges: Record<string, EdgeMetrics> = {};
    for (const edge of this.topology.edges) {
      edges[edge.id] = {
        source: edge.from,
        target: edge.to,
        ...(edge.output !== undefined ? { sourceHandle: edge.output } : {}),
        records: this.edgeRecords[edge.index]!,
      };
    }
    const sources = [...this.progressByPartition.values()]
      .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1))
      .map((p): SourcePartitionMetrics => {
        if (p.endOffset === undefined) return { topic: p.topic, partition: p.partition, offset: p.offset };
        const lag = Math.max(0, p.endOffset - (p.offset + 1));
        return { topic: p.topic, partition: p.partition, offset: p.offset, endOffset: p.endOffset, lag };
      });
    return {
      topology: this.topology.name,
      at: this.now(),
      nodes,
      edges,
      sources,
      latencyMs: this.latency.summary(),
      recordsProduced: this.recordsProduced,
      deadLettersProduced: this.deadLettersProduced,
    };
  }
}
