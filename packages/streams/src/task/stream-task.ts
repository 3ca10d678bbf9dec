import type { PartitionProgress, TopologyMetrics } from '../metrics/index.js';
import { PipelineStoppedError, errorMessage, type TaskId } from '../processor/index.js';
import type { ConsumedRecord } from '../record.js';
import type { Topology } from '../topology/index.js';
import { deadLetterRecord } from './dead-letter.js';
import { NodeRuntime, type FailureHandler } from './node-runtime.js';
import type { RecordCollector } from './record-collector.js';

export interface StreamTaskOptions {
  readonly collector: RecordCollector;
  readonly metrics: TopologyMetrics;
}

/**
 * Runs the part of a topology fed by one source partition, with its own processor instances.
 * Records are processed one at a time, depth-first through the graph, synchronously.
 */
export class StreamTask implements FailureHandler {
  private readonly runtimes: NodeRuntime[] = [];
  private readonly sources: NodeRuntime[] = [];
  private readonly progress: PartitionProgress;
  private readonly collector: RecordCollector;
  private readonly metrics: TopologyMetrics;
  /** The record being processed, kept so a failure anywhere can dead-letter its original bytes. */
  private current: ConsumedRecord | undefined;
  private closed = false;

  constructor(
    private readonly topology: Topology,
    readonly id: TaskId,
    options: StreamTaskOptions,
  ) {
    this.collector = options.collector;
    this.metrics = options.metrics;
    const sourceNodes = topology.sourcesFor(id.topic);
    if (sourceNodes.length === 0) throw new Error(`topology "${topology.name}" does not read topic "${id.topic}"`);

    // Only the nodes reachable from this topic's sources take part in this task.
    const reachable = new Set<string>();
    const stack = sourceNodes.map((n) => n.name);
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (reachable.has(name)) continue;
      reachable.add(name);
      for (const edge of topology.node(name).outputs) stack.push(edge.to);
    }
    const byName = new Map<string, NodeRuntime>();
    for (const node of topology.nodes) {
      if (!reachable.has(node.name)) continue;
      const runtime = new NodeRuntime(node, topology.name, id, this.metrics, this.collector, this);
      byName.set(node.name, runtime);
      this.runtimes.push(runtime);
    }
    for (const runtime of this.runtimes) {
      for (const edge of runtime.node.outputs) runtime.connect(byName.get(edge.to)!, edge.index, edge.output);
    }
    for (const node of sourceNodes) this.sources.push(byName.get(node.name)!);
    for (const runtime of this.runtimes) runtime.init();
    this.progress = this.metrics.partition(id.topic, id.partition);
  }

  /** Processes one consumed record. Throws PipelineStoppedError when a node with `onError: stop` fails. */
  process(record: ConsumedRecord): void {
    if (this.closed) throw new Error(`task ${this.id.topic}[${this.id.partition}] is closed`);
    this.current = record;
    try {
      for (let i = 0; i < this.sources.length; i++) this.sources[i]!.process(record);
    } finally {
      this.current = undefined;
    }
    this.progress.offset = record.offset;
  }

  nodeFailed(runtime: NodeRuntime, error: unknown): void {
    // A stop further down the graph passes through its ancestors untouched.
    if (error instanceof PipelineStoppedError) throw error;
    const node = runtime.node;
    const record = this.current!;
    this.metrics.errors[node.index]!++;
    switch (node.errors.onError) {
      case 'skip':
        this.metrics.skipped[node.index]!++;
        return;
      case 'stop':
        throw new PipelineStoppedError(node.name, errorMessage(error), {
          topic: record.topic,
          partition: record.partition,
          offset: record.offset,
        });
      case 'dead-letter': {
        this.metrics.deadLetters[node.index]!++;
        const cause = { pipeline: this.topology.name, node: node.name, error: errorMessage(error), topic: node.errors.deadLetterTopic };
        this.collector.send(deadLetterRecord(record, cause), 'dead-letter');
        return;
      }
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    let first: unknown;
    for (const runtime of this.runtimes) {
      try {
        runtime.close();
      } catch (err) {
        first ??= err;
      }
    }
    if (first !== undefined) throw first;
  }
}
