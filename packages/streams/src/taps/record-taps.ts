import type { StreamRecord } from '../record.js';
import type { Topology } from '../topology/index.js';
import { RecordSampler } from './record-sampler.js';

/** A place in a topology where records can be watched: a node (records entering it) or an edge. */
export type TapTarget = { readonly node: string; readonly edge?: undefined } | { readonly edge: string; readonly node?: undefined };

/** Records sampled at one tapped place since the last drain. */
export interface TapBatch {
  readonly target: TapTarget;
  /** Oldest first. */
  readonly records: StreamRecord[];
  /** Records that passed but were pushed out of the ring before this drain. */
  readonly missed: number;
}

/** Records each tapped place keeps until drained. */
export const DEFAULT_TAP_CAPACITY = 50;

/**
 * Record taps of one topology instance, shared by its tasks. Nothing is sampled until a place is
 * tapped: the task runtime checks `active` once per record and node, and only then looks up a
 * sampler by node or edge index.
 */
export class RecordTaps {
  /** True while any place is tapped. Read in the hot path. */
  active = false;
  /** Samplers by node index; undefined where nobody taps. Read in the hot path. */
  readonly nodes: Array<RecordSampler | undefined>;
  /** Samplers by edge index. */
  readonly edges: Array<RecordSampler | undefined>;
  private readonly nodeIndex: ReadonlyMap<string, number>;
  private readonly edgeIndex: ReadonlyMap<string, number>;

  constructor(
    private readonly topology: Topology,
    readonly capacity = DEFAULT_TAP_CAPACITY,
  ) {
    this.nodes = new Array<RecordSampler | undefined>(topology.nodes.length).fill(undefined);
    this.edges = new Array<RecordSampler | undefined>(topology.edges.length).fill(undefined);
    this.nodeIndex = new Map(topology.nodes.map((n) => [n.name, n.index]));
    this.edgeIndex = new Map(topology.edges.map((e) => [e.id, e.index]));
  }

  /** Starts sampling at a place (a no-op when it is tapped already). */
  start(target: TapTarget): void {
    const [list, index] = this.locate(target);
    list[index] ??= new RecordSampler(this.capacity);
    this.active = true;
  }

  /** Stops sampling at a place and forgets what it held. */
  stop(target: TapTarget): void {
    const [list, index] = this.locate(target);
    list[index] = undefined;
    this.active = this.nodes.some(Boolean) || this.edges.some(Boolean);
  }

  /** Stops every tap. */
  clear(): void {
    this.nodes.fill(undefined);
    this.edges.fill(undefined);
    this.active = false;
  }

  /** The places tapped now. */
  tapped(): TapTarget[] {
    const out: TapTarget[] = [];
    for (const node of this.topology.nodes) if (this.nodes[node.index]) out.push({ node: node.name });
    for (const edge of this.topology.edges) if (this.edges[edge.index]) out.push({ edge: edge.id });
    return out;
  }

  /** What passed each tapped place since the last drain; places where nothing passed are left out. */
  drain(): TapBatch[] {
    if (!this.active) return [];
    const out: TapBatch[] = [];
    for (const node of this.topology.nodes) {
      const batch = this.nodes[node.index]?.drain();
      if (batch && (batch.records.length > 0 || batch.missed > 0)) out.push({ target: { node: node.name }, ...batch });
    }
    for (const edge of this.topology.edges) {
      const batch = this.edges[edge.index]?.drain();
      if (batch && (batch.records.length > 0 || batch.missed > 0)) out.push({ target: { edge: edge.id }, ...batch });
    }
    return out;
  }

  private locate(target: TapTarget): [Array<RecordSampler | undefined>, number] {
    if (target.node !== undefined) {
      const index = this.nodeIndex.get(target.node);
      if (index === undefined) throw new Error(`topology "${this.topology.name}" has no node "${target.node}" to tap`);
      return [this.nodes, index];
    }
    const index = this.edgeIndex.get(target.edge);
    if (index === undefined) throw new Error(`topology "${this.topology.name}" has no edge "${target.edge}" to tap`);
    return [this.edges, index];
  }
}
