import type { ProducedRecord, StreamRecord } from '../record.js';

/** Where a task reads from: one partition of one source topic. */
export interface TaskId {
  readonly topic: string;
  readonly partition: number;
}

/** What a collected record is: pipeline output or a dead-letter. Only sink output feeds latency. */
export type ProducedKind = 'sink' | 'dead-letter';

/** Counters of one node, kept by the runtime; a processor may read them. */
export interface NodeMetricsView {
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly errors: number;
}

export interface ProcessorContext<KOut = unknown, VOut = unknown> {
  /** The node's deterministic name in the topology (the pipeline node id when compiled). */
  readonly nodeName: string;
  readonly topologyName: string;
  readonly taskId: TaskId;
  readonly metrics: NodeMetricsView;
  /**
   * Passes a record to the children. Without `output` it goes to every child; with it, only to
   * the children on that named output (a branch's predicate names and `default`).
   */
  forward(record: StreamRecord<KOut, VOut>, output?: string): void;
  /** Hands a serialised record to the task's record collector: what sink nodes do. */
  produce(record: ProducedRecord): void;
}

/**
 * One step of a topology. Processing is synchronous: throw to report that this record failed
 * here, and the node's `onError` decides (dead-letter, skip or stop).
 */
export interface Processor<KIn = unknown, VIn = unknown, KOut = KIn, VOut = VIn> {
  init?(context: ProcessorContext<KOut, VOut>): void;
  process(record: StreamRecord<KIn, VIn>): void;
  close?(): void;
}

/** Returns a fresh processor for every task, so processors never share state across partitions. */
export type ProcessorSupplier<KIn = unknown, VIn = unknown, KOut = KIn, VOut = VIn> = () => Processor<
  KIn,
  VIn,
  KOut,
  VOut
>;
