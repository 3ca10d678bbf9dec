import type { TopologyMetrics } from '../metrics/index.js';
import type { NodeMetricsView, Processor, ProcessorContext, TaskId } from '../processor/index.js';
import type { ProducedRecord, StreamRecord } from '../record.js';
import type { TopologyNode } from '../topology/index.js';
import type { RecordCollector } from './record-collector.js';

interface Target {
  readonly child: NodeRuntime;
  readonly edgeIndex: number;
}

const NO_TARGETS: readonly Target[] = [];

/** What a node runtime needs from its task: where failures go. */
export interface FailureHandler {
  nodeFailed(node: NodeRuntime, error: unknown): void;
}

/**
 * One node of one task: its processor instance plus the context it forwards through. Counts
 * records in/out per node and per edge; a processor's failure goes to the task's handler, so
 * it is charged to the node that threw, not to its parents.
 */
export class NodeRuntime implements ProcessorContext, NodeMetricsView {
  readonly nodeName: string;
  readonly topologyName: string;
  private readonly index: number;
  private readonly processor: Processor;
  private all: Target[] = [];
  private readonly byOutput = new Map<string, Target[]>();

  constructor(
    readonly node: TopologyNode,
    topologyName: string,
    readonly taskId: TaskId,
    private readonly counters: TopologyMetrics,
    private readonly collector: RecordCollector,
    private readonly failures: FailureHandler,
  ) {
    this.nodeName = node.name;
    this.topologyName = topologyName;
    this.index = node.index;
    this.processor = node.supplier();
    for (const output of node.outputNames) this.byOutput.set(output, []);
  }

  connect(child: NodeRuntime, edgeIndex: number, output: string | undefined): void {
    const target = { child, edgeIndex };
    this.all.push(target);
    if (output !== undefined) this.byOutput.get(output)?.push(target);
  }

  init(): void {
    this.processor.init?.(this);
  }

  close(): void {
    this.processor.close?.();
  }

  process(record: StreamRecord): void {
    this.counters.recordsIn[this.index]!++;
    if (this.counters.taps.active) this.counters.taps.nodes[this.index]?.add(record);
    try {
      this.processor.process(record);
    } catch (err) {
      this.failures.nodeFailed(this, err);
    }
  }

  forward(record: StreamRecord, output?: string): void {
    let targets: readonly Target[] = this.all;
    if (output !== undefined) {
      const named = this.byOutput.get(output);
      if (!named) throw new Error(`node "${this.nodeName}" has no output "${output}"`);
      targets = named.length > 0 ? named : NO_TARGETS;
    }
    this.counters.recordsOut[this.index]!++;
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i]!;
      this.counters.edgeRecords[target.edgeIndex]!++;
      if (this.counters.taps.active) this.counters.taps.edges[target.edgeIndex]?.add(record);
      target.child.process(record);
    }
  }

  produce(record: ProducedRecord): void {
    this.counters.recordsOut[this.index]!++;
    this.collector.send(record, 'sink');
  }

  get metrics(): NodeMetricsView {
    return this;
  }

  get recordsIn(): number {
    return this.counters.recordsIn[this.index]!;
  }

  get recordsOut(): number {
    return this.counters.recordsOut[this.index]!;
  }

  get errors(): number {
    return this.counters.errors[this.index]!;
  }
}
