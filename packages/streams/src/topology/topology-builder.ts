import { ON_ERROR_MODES, type OnError, type ProcessorSupplier } from '../processor/index.js';
import { SinkNode, SourceNode } from '../processors/index.js';
import type { Serde } from '../serdes/index.js';
import {
  Topology,
  type ErrorPolicy,
  type NodeKind,
  type SinkCompression,
  type SinkSpec,
  type SourceSpec,
  type StartFrom,
  type TopologyEdge,
  type TopologyNode,
} from './topology.js';

/** A parent of a node: its name, or its name plus the named output (a branch's) and an edge id. */
export type ParentRef = string | { readonly node: string; readonly output?: string; readonly edgeId?: string };

export interface NodeOptions {
  /** Default `dead-letter`. */
  readonly onError?: OnError;
  /** Default `<topology name>.dlq`. */
  readonly deadLetterTopic?: string;
  /** Named outputs the node forwards to; every edge leaving it must name one of them. */
  readonly outputs?: readonly string[];
}

export interface SourceNodeOptions extends NodeOptions {
  readonly topic: string;
  readonly keySerde: Serde;
  readonly valueSerde: Serde;
  /** Default `earliest`. */
  readonly startFrom?: StartFrom;
}

export interface SinkNodeOptions extends NodeOptions {
  readonly topic: string;
  readonly keySerde: Serde;
  readonly valueSerde: Serde;
  /** Default none. */
  readonly compression?: SinkCompression;
}

interface PendingNode {
  name: string;
  kind: NodeKind;
  supplier: ProcessorSupplier;
  inputs: TopologyEdge[];
  outputs: TopologyEdge[];
  outputNames: readonly string[];
  errors: ErrorPolicy;
  source?: SourceSpec;
  sink?: SinkSpec;
}

/**
 * The low-level way to assemble a topology, as Kafka Streams' `Topology.addSource/addProcessor/
 * addSink`. Parents must be added before their children, so a built topology has no cycles.
 */
export class TopologyBuilder {
  private readonly nodes: PendingNode[] = [];
  private readonly byName = new Map<string, PendingNode>();
  private readonly edges: TopologyEdge[] = [];
  private readonly edgeIds = new Set<string>();

  constructor(readonly name: string) {
    if (!name) throw new Error('a topology needs a name (it names the default dead-letter topic)');
  }

  addSource(name: string, options: SourceNodeOptions): this {
    const source: SourceSpec = {
      topic: requireTopic(options.topic, name),
      keySerde: options.keySerde,
      valueSerde: options.valueSerde,
      startFrom: options.startFrom ?? 'earliest',
    };
    this.add(name, 'source', SourceNode.supplier(options.keySerde, options.valueSerde) as ProcessorSupplier, [], options).source = source;
    return this;
  }

  addProcessor(name: string, supplier: ProcessorSupplier, parents: readonly ParentRef[], options: NodeOptions = {}): this {
    if (parents.length === 0) throw new Error(`processor "${name}" needs at least one parent`);
    this.add(name, 'processor', supplier, parents, options);
    return this;
  }

  addSink(name: string, options: SinkNodeOptions, parents: readonly ParentRef[]): this {
    if (parents.length === 0) throw new Error(`sink "${name}" needs at least one parent`);
    const sink: SinkSpec = {
      topic: requireTopic(options.topic, name),
      keySerde: options.keySerde,
      valueSerde: options.valueSerde,
      compression: options.compression ?? 'none',
    };
    const supplier = SinkNode.supplier(sink.topic, sink.keySerde, sink.valueSerde);
    this.add(name, 'sink', supplier, parents, { ...options, outputs: [] }).sink = sink;
    return this;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  build(): Topology {
    const nodes: TopologyNode[] = this.nodes.map((node, index) => ({ ...node, index }));
    return new Topology(this.name, nodes, [...this.edges]);
  }

  private add(name: string, kind: NodeKind, supplier: ProcessorSupplier, parents: readonly ParentRef[], options: NodeOptions): PendingNode {
    if (!name) throw new Error(`a ${kind} node needs a name`);
    if (this.byName.has(name)) throw new Error(`node name "${name}" is already used in topology "${this.name}"; names must be unique`);
    const onError = options.onError ?? 'dead-letter';
    if (!ON_ERROR_MODES.includes(onError)) {
      throw new Error(`node "${name}": onError "${String(onError)}" is not one of ${ON_ERROR_MODES.join(', ')}`);
    }
    const node: PendingNode = {
      name,
      kind,
      supplier,
      inputs: [],
      outputs: [],
      outputNames: options.outputs ?? [],
      errors: { onError, deadLetterTopic: options.deadLetterTopic || `${this.name}.dlq` },
    };
    for (const parent of parents) this.link(typeof parent === 'string' ? { node: parent } : parent, node);
    this.nodes.push(node);
    this.byName.set(name, node);
    return node;
  }

  private link(ref: Exclude<ParentRef, string>, child: PendingNode): void {
    const parent = this.byName.get(ref.node);
    if (!parent) throw new Error(`node "${child.name}" names parent "${ref.node}", which is not in the topology (add parents first)`);
    if (parent.kind === 'sink') throw new Error(`sink "${parent.name}" cannot have children (node "${child.name}")`);
    if (parent.outputNames.length > 0 && (ref.output === undefined || !parent.outputNames.includes(ref.output))) {
      throw new Error(
        `node "${child.name}" must name one of the outputs of "${parent.name}": ${parent.outputNames.join(', ')}` +
          (ref.output === undefined ? '' : ` (not "${ref.output}")`),
      );
    }
    if (parent.outputNames.length === 0 && ref.output !== undefined) {
      throw new Error(`node "${parent.name}" has no named outputs, but node "${child.name}" reads its output "${ref.output}"`);
    }
    if (parent.outputs.some((e) => e.to === child.name && e.output === ref.output)) {
      throw new Error(`node "${child.name}" is linked to "${parent.name}"${ref.output ? ` [${ref.output}]` : ''} twice`);
    }
    const id = ref.edgeId ?? `${parent.name}${ref.output ? `.${ref.output}` : ''}->${child.name}`;
    if (this.edgeIds.has(id)) throw new Error(`edge id "${id}" is used twice`);
    this.edgeIds.add(id);
    const edge: TopologyEdge = { id, index: this.edges.length, from: parent.name, to: child.name, ...(ref.output !== undefined ? { output: ref.output } : {}) };
    this.edges.push(edge);
    parent.outputs.push(edge);
    child.inputs.push(edge);
  }
}

function requireTopic(topic: string, node: string): string {
  if (!topic) throw new Error(`node "${node}" needs a topic`);
  return topic;
}
