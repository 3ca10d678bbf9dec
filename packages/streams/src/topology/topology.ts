import type { OnError, ProcessorSupplier } from '../processor/index.js';
import type { Serde } from '../serdes/index.js';

export type NodeKind = 'source' | 'processor' | 'sink';

/** Where a source starts when its consumer group has no committed offset yet. */
export type StartFrom = 'earliest' | 'latest';

export interface ErrorPolicy {
  readonly onError: OnError;
  readonly deadLetterTopic: string;
}

/** A link parent → child. `output` names a branch output; unset means the parent's only output. */
export interface TopologyEdge {
  readonly id: string;
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly output?: string;
}

export interface SourceSpec {
  readonly topic: string;
  readonly keySerde: Serde;
  readonly valueSerde: Serde;
  readonly startFrom: StartFrom;
}

/** Kafka's codec names, as a sink's `compression` and `compression.type` spell them. */
export type SinkCompression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

export interface SinkSpec {
  readonly topic: string;
  readonly keySerde: Serde;
  readonly valueSerde: Serde;
  readonly compression: SinkCompression;
}

export interface TopologyNode {
  readonly name: string;
  readonly kind: NodeKind;
  /** Position in `Topology.nodes` (a topological order); metrics index their counters by it. */
  readonly index: number;
  readonly supplier: ProcessorSupplier;
  readonly inputs: readonly TopologyEdge[];
  readonly outputs: readonly TopologyEdge[];
  /** Named outputs the node forwards to (a branch); empty for nodes with one plain output. */
  readonly outputNames: readonly string[];
  readonly errors: ErrorPolicy;
  readonly source?: SourceSpec;
  readonly sink?: SinkSpec;
}

/** An immutable graph of named nodes, built by TopologyBuilder, StreamsBuilder or compilePipeline. */
export class Topology {
  private readonly byName: ReadonlyMap<string, TopologyNode>;

  constructor(
    readonly name: string,
    /** Parents always come before their children. */
    readonly nodes: readonly TopologyNode[],
    readonly edges: readonly TopologyEdge[],
  ) {
    this.byName = new Map(nodes.map((node) => [node.name, node]));
  }

  node(name: string): TopologyNode {
    const node = this.byName.get(name);
    if (!node) throw new Error(`topology "${this.name}" has no node "${name}"`);
    return node;
  }

  hasNode(name: string): boolean {
    return this.byName.has(name);
  }

  sources(): TopologyNode[] {
    return this.nodes.filter((node) => node.kind === 'source');
  }

  sinks(): TopologyNode[] {
    return this.nodes.filter((node) => node.kind === 'sink');
  }

  /** Source nodes reading `topic` (several sources may read one topic). */
  sourcesFor(topic: string): TopologyNode[] {
    return this.nodes.filter((node) => node.source?.topic === topic);
  }

  sourceTopics(): string[] {
    return unique(this.sources().map((node) => node.source!.topic));
  }

  sinkTopics(): string[] {
    return unique(this.sinks().map((node) => node.sink!.topic));
  }

  /** Dead-letter topics of the nodes that dead-letter their failures. */
  deadLetterTopics(): string[] {
    return unique(this.nodes.filter((n) => n.errors.onError === 'dead-letter').map((n) => n.errors.deadLetterTopic));
  }

  /** A text picture of the graph, in the spirit of Kafka Streams' TopologyDescription. */
  describe(): string {
    const lines = [`Topology: ${this.name}`];
    for (const node of this.nodes) {
      const what =
        node.kind === 'source'
          ? `Source: ${node.name} (topic: ${node.source!.topic})`
          : node.kind === 'sink'
            ? `Sink: ${node.name} (topic: ${node.sink!.topic})`
            : `Processor: ${node.name}`;
      lines.push(`  ${what}`);
      for (const edge of node.outputs) lines.push(`    --> ${edge.to}${edge.output ? ` [${edge.output}]` : ''}`);
      for (const edge of node.inputs) lines.push(`    <-- ${edge.from}${edge.output ? ` [${edge.output}]` : ''}`);
    }
    return lines.join('\n');
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
