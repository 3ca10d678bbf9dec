import { TopologyMetrics, type MetricsSnapshot } from '../metrics/index.js';
import type { ProducedKind } from '../processor/index.js';
import type { ConsumedRecord, ProducedRecord, RecordHeaders } from '../record.js';
import { stringSerde, type Serde } from '../serdes/index.js';
import { StreamTask, type RecordCollector } from '../task/index.js';
import type { Topology } from '../topology/index.js';

export interface TestInput {
  /** A Buffer is taken as the raw bytes; anything else is written with the source's key format. */
  readonly key?: unknown;
  /** A Buffer is taken as the raw bytes (e.g. to feed bad JSON); anything else uses the value format. */
  readonly value?: unknown;
  readonly headers?: RecordHeaders;
  /** Default: the driver's clock. */
  readonly timestamp?: number;
  /** Default 0. Each partition is its own task, with offsets counting from 0. */
  readonly partition?: number;
}

/** A record as the topology produced it: the exact bytes, and those bytes read back. */
export interface TestOutput<K = unknown, V = unknown> {
  readonly topic: string;
  readonly kind: ProducedKind;
  readonly key: K;
  readonly value: V;
  readonly keyBytes: Buffer | null;
  readonly valueBytes: Buffer | null;
  readonly headers: RecordHeaders;
  readonly timestamp: number;
}

export interface ReadOptions {
  readonly keySerde?: Serde;
  readonly valueSerde?: Serde;
}

export interface TestDriverOptions {
  /** Clock for default timestamps and latency; default Date.now. */
  readonly now?: () => number;
}

/**
 * Runs a topology on in-memory input, without a broker, exactly as the runner would run it:
 * one task per source partition, sink records serialised, dead-letters on their topic, metrics
 * counted. Produced records are acknowledged at once.
 */
export class TopologyTestDriver {
  private readonly tasks = new Map<string, StreamTask>();
  private readonly nextOffset = new Map<string, number>();
  private readonly outputs = new Map<string, { record: ProducedRecord; kind: ProducedKind }[]>();
  private readonly metricsRegistry: TopologyMetrics;
  private readonly collector: RecordCollector;
  private readonly now: () => number;

  constructor(
    readonly topology: Topology,
    options: TestDriverOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.metricsRegistry = new TopologyMetrics(topology, this.now);
    this.collector = {
      send: (record, kind) => {
        let queue = this.outputs.get(record.topic);
        if (!queue) this.outputs.set(record.topic, (queue = []));
        queue.push({ record, kind });
        if (kind === 'sink') this.metricsRegistry.sinkAcknowledged(record.timestamp);
        else this.metricsRegistry.deadLetterAcknowledged();
      },
    };
  }

  /** Feeds records to the topology's sources on `topic`. Throws PipelineStoppedError on a stop. */
  pipeInput(topic: string, input: TestInput | readonly TestInput[]): void {
    const sources = this.topology.sourcesFor(topic);
    if (sources.length === 0) {
      throw new Error(`topology "${this.topology.name}" does not read topic "${topic}"; it reads ${this.topology.sourceTopics().join(', ')}`);
    }
    const spec = sources[0]!.source!;
    for (const one of Array.isArray(input) ? (input as readonly TestInput[]) : [input as TestInput]) {
      const partition = one.partition ?? 0;
      const id = `${topic}\u0000${partition}`;
      const offset = this.nextOffset.get(id) ?? 0;
      this.nextOffset.set(id, offset + 1);
      const record: ConsumedRecord = {
        key: toBytes(one.key, spec.keySerde),
        value: toBytes(one.value, spec.valueSerde),
        headers: one.headers ?? {},
        topic,
        partition,
        offset,
        timestamp: one.timestamp ?? this.now(),
      };
      this.task(topic, partition).process(record);
    }
  }

  /** Takes (and removes) the records produced to `topic` so far, oldest first. */
  readOutput<K = unknown, V = unknown>(topic: string, options: ReadOptions = {}): TestOutput<K, V>[] {
    const queue = this.outputs.get(topic) ?? [];
    this.outputs.delete(topic);
    const sink = this.topology.sinks().find((node) => node.sink!.topic === topic)?.sink;
    const keySerde = options.keySerde ?? sink?.keySerde ?? stringSerde;
    const valueSerde = options.valueSerde ?? sink?.valueSerde ?? stringSerde;
    return queue.map(({ record, kind }) => ({
      topic,
      kind,
      key: keySerde.deserialize(record.key) as K,
      value: valueSerde.deserialize(record.value) as V,
      keyBytes: record.key,
      valueBytes: record.value,
      headers: record.headers,
      timestamp: record.timestamp,
    }));
  }

  /** Topics that hold records not read yet. */
  outputTopics(): string[] {
    return [...this.outputs.keys()];
  }

  metrics(): MetricsSnapshot {
    return this.metricsRegistry.snapshot();
  }

  close(): void {
    for (const task of this.tasks.values()) task.close();
    this.tasks.clear();
  }

  private task(topic: string, partition: number): StreamTask {
    const id = `${topic}\u0000${partition}`;
    let task = this.tasks.get(id);
    if (!task) {
      task = new StreamTask(this.topology, { topic, partition }, { collector: this.collector, metrics: this.metricsRegistry });
      this.tasks.set(id, task);
    }
    return task;
  }
}

function toBytes(value: unknown, serde: Serde): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  return serde.serialize(value);
}
