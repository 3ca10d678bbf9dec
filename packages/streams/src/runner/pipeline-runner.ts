import { compressionType, isCoveredByUndecodableBatch, registerKafkaCodecs } from '@sluice/kafka-codecs';
import { processingGuaranteeOf, type Pipeline, type ProcessingGuarantee } from '@sluice/topology';
import {
  CompressionTypes,
  Kafka,
  logLevel,
  Partitioners,
  type Consumer,
  type EachBatchPayload,
  type KafkaConfig,
} from 'kafkajs';
import { compilePipeline } from '../compiler/index.js';
import { TopologyMetrics } from '../metrics/index.js';
import { PipelineStoppedError } from '../processor/index.js';
import type { RecordTaps } from '../taps/index.js';
import { StreamTask } from '../task/index.js';
import type { Topology } from '../topology/index.js';
import { AtLeastOnceCommitter } from './at-least-once-committer.js';
import { BatchCollector } from './batch-collector.js';
import type { BatchCommitter } from './batch-committer.js';
import { ExactlyOnceCommitter } from './exactly-once-committer.js';
import { runnerLogCreator } from './kafka-log.js';
import { toConsumedRecord } from './kafka-records.js';
import { RateSampler, type RunnerMetrics, type RunnerState } from './runner-metrics.js';
import { ensureTopics } from './topic-setup.js';
import { TransactionsUnavailableError } from './transactions-unavailable.js';

export interface PipelineRunnerOptions {
  readonly topology: Topology;
  /** Names the consumer group (`sluice-<pipelineId>`) unless `consumerGroup` is given. */
  readonly pipelineId: string;
  readonly consumerGroup?: string;
  /** Brokers to connect to, unless a ready `kafka` client is passed. */
  readonly brokers?: readonly string[];
  readonly kafka?: Kafka;
  /** Extra kafkajs client settings (ssl, sasl, logging) when the runner makes the client. */
  readonly kafkaConfig?: Omit<KafkaConfig, 'brokers'>;
  /** Default exactly_once_v2, as in the pipeline JSON. */
  readonly processingGuarantee?: ProcessingGuarantee;
  /**
   * Kafka Streams' commit.interval.ms: a batch in progress commits at least this often. Default
   * 100 ms under exactly_once_v2; under at_least_once a batch commits when it ends (or fills).
   */
  readonly commitIntervalMs?: number;
  /**
   * Partitions processed at the same time; default 1, and 4 under exactly_once_v2, where every
   * partition commits through its own producer and a transaction's round trips would otherwise
   * hold up the other partitions.
   */
  readonly partitionsConsumedConcurrently?: number;
  /** Produce and commit at least every this many collected records within a batch; default 10,000. */
  readonly maxRecordsPerFlush?: number;
  /** Create missing sink and dead-letter topics at start; default true. */
  readonly createTopics?: boolean;
  /** Default 10 s. */
  readonly sessionTimeout?: number;
  /** Default 1 s. */
  readonly heartbeatInterval?: number;
  /**
   * Longest a fetch waits for new records; default 1000 ms. kafkajs heartbeats and stops between
   * fetches, so this bounds how long a rebalance or a graceful stop waits on an idle consumer.
   */
  readonly maxWaitTimeInMs?: number;
  /** Called once when the pipeline fails (a node with onError "stop", or a fatal client error). */
  readonly onFailure?: (error: Error) => void;
}

/**
 * Runs a topology on Kafka: one consumer group member per runner, one task per assigned source
 * partition. Each fetched batch is processed and committed by the guarantee's committer: under
 * exactly_once_v2 its output and offsets in one transaction; under at_least_once its output
 * produced with acks=all and only then its offsets, so a crash replays but never loses a record.
 */
export class PipelineRunner {
  readonly consumerGroup: string;
  private readonly metricsRegistry: TopologyMetrics;
  private readonly sampler: RateSampler;
  private readonly tasks = new Map<string, { task: StreamTask; collector: BatchCollector }>();
  private readonly compressionByTopic = new Map<string, CompressionTypes>();
  private readonly compressionOf = (topic: string): CompressionTypes => this.compressionByTopic.get(topic) ?? CompressionTypes.None;
  private readonly maxRecordsPerFlush: number;
  readonly processingGuarantee: ProcessingGuarantee;
  private readonly commitIntervalMs: number;
  private consumer: Consumer | undefined;
  private committer: BatchCommitter | undefined;
  private currentState: RunnerState = 'idle';
  private failure: Error | undefined;
  private startup: Promise<void> | undefined;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  private outcome: Promise<void>;

  constructor(private readonly options: PipelineRunnerOptions) {
    if (!options.kafka && !options.brokers?.length) throw new Error('PipelineRunner needs brokers (host:port) or a kafkajs client');
    this.consumerGroup = options.consumerGroup ?? `sluice-${options.pipelineId}`;
    this.metricsRegistry = new TopologyMetrics(options.topology);
    this.sampler = new RateSampler(this.metricsRegistry);
    // Every codec Kafka producers use, readable and writable by this process's kafkajs clients.
    registerKafkaCodecs();
    for (const sink of options.topology.sinks()) {
      // Two sinks writing one topic with different codecs: the first one drawn decides.
      if (!this.compressionByTopic.has(sink.sink!.topic)) this.compressionByTopic.set(sink.sink!.topic, compressionType(sink.sink!.compression));
    }
    this.maxRecordsPerFlush = options.maxRecordsPerFlush ?? 10_000;
    this.processingGuarantee = options.processingGuarantee ?? 'exactly_once_v2';
    this.commitIntervalMs = options.commitIntervalMs ?? (this.processingGuarantee === 'exactly_once_v2' ? 100 : Infinity);
    this.outcome = this.newDone();
  }

  /** Compiles a validated pipeline; its `settings.consumerGroup` overrides the default group. */
  static fromPipeline(pipeline: Pipeline, options: Omit<PipelineRunnerOptions, 'topology'>): PipelineRunner {
    const consumerGroup = options.consumerGroup ?? pipeline.settings?.consumerGroup;
    const processingGuarantee = options.processingGuarantee ?? processingGuaranteeOf(pipeline);
    return new PipelineRunner({ ...options, topology: compilePipeline(pipeline), processingGuarantee, ...(consumerGroup ? { consumerGroup } : {}) });
  }

  /** Resolves when this run stops gracefully, rejects with the error when it fails. */
  get done(): Promise<void> {
    return this.outcome;
  }

  get state(): RunnerState {
    return this.currentState;
  }

  get topology(): Topology {
    return this.options.topology;
  }

  /** Record taps: start and stop sampling at nodes and edges, and drain what passed. */
  get taps(): RecordTaps {
    return this.metricsRegistry.taps;
  }

  /** Connects, joins the group and starts consuming. Resolves once consumption has started. */
  async start(): Promise<void> {
    if (this.currentState === 'starting' || this.currentState === 'running' || this.currentState === 'stopping') {
      throw new Error(`pipeline "${this.topology.name}" is ${this.currentState}; stop it before starting it again`);
    }
    if (this.currentState !== 'idle') this.outcome = this.newDone();
    this.currentState = 'starting';
    this.failure = undefined;
    this.startup = this.connect();
    try {
      await this.startup;
      // A batch may already have failed the pipeline while connecting.
      if (this.currentState !== 'starting') return;
      this.currentState = 'running';
      this.sampler.start();
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      await this.shutdown();
      this.currentState = 'failed';
      this.failure = error;
      this.settle.reject(error);
      throw error;
    } finally {
      this.startup = undefined;
    }
  }

  /** Finishes the batch in hand, produces and commits it, leaves the group and disconnects. */
  async stop(): Promise<void> {
    // Stopping while starting waits for the start to settle, so no client is left connected.
    if (this.startup) await this.startup.catch(() => undefined);
    if (this.currentState === 'running') {
      this.currentState = 'stopping';
      await this.shutdown();
      this.currentState = 'stopped';
      this.settle.resolve();
    }
    return this.done.catch(() => undefined);
  }

  /** The error the runner failed with, if it did. */
  get error(): Error | undefined {
    return this.failure;
  }

  metrics(): RunnerMetrics {
    const { snapshot, rates } = this.sampler.current();
    const totalLag = snapshot.sources.reduce((sum, s) => sum + (s.lag ?? 0), 0);
    return { ...snapshot, pipelineId: this.options.pipelineId, consumerGroup: this.consumerGroup, state: this.currentState, rates, totalLag };
  }

  private async connect(): Promise<void> {
    const o = this.options;
    const kafka =
      o.kafka ??
      new Kafka({
        clientId: `sluice-${o.pipelineId}`,
        logLevel: logLevel.WARN,
        logCreator: runnerLogCreator,
        ...o.kafkaConfig,
        brokers: [...o.brokers!],
      });
    if (o.createTopics ?? true) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await ensureTopics(admin, this.topology);
      } finally {
        await admin.disconnect();
      }
    }
    this.consumer = kafka.consumer({
      groupId: this.consumerGroup,
      allowAutoTopicCreation: false,
      // read_committed: records of aborted or still-open transactions are never processed.
      readUncommitted: false,
      maxWaitTimeInMs: o.maxWaitTimeInMs ?? 1000,
      // Shorter than kafkajs's 30 s / 3 s: a dead instance's partitions move within 10 s, and the
      // others hear of a rebalance within a second of a clean leave.
      sessionTimeout: o.sessionTimeout ?? 10_000,
      heartbeatInterval: o.heartbeatInterval ?? 1_000,
    });
    const consumer = this.consumer;
    consumer.on(consumer.events.GROUP_JOIN, (event) => this.assigned(event.payload.memberAssignment));
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) this.fail(event.payload.error);
    });
    if (this.processingGuarantee === 'exactly_once_v2') {
      this.committer = new ExactlyOnceCommitter(kafka, this.consumerGroup, this.compressionOf);
    } else {
      const producer = kafka.producer({ idempotent: false, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      this.committer = new AtLeastOnceCommitter(producer, consumer, this.compressionOf);
      await producer.connect();
    }
    await consumer.connect();
    // A topic read by several sources starts from the earliest any of them asks for.
    const fromBeginning = new Map<string, boolean>();
    for (const node of this.topology.sources()) {
      const { topic, startFrom } = node.source!;
      fromBeginning.set(topic, (fromBeginning.get(topic) ?? false) || startFrom === 'earliest');
    }
    for (const [topic, earliest] of fromBeginning) await consumer.subscribe({ topics: [topic], fromBeginning: earliest });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: o.partitionsConsumedConcurrently ?? (this.processingGuarantee === 'exactly_once_v2' ? 4 : 1),
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  private async processBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (this.failure) return;
    const { topic, partition } = batch;
    const { task, collector } = this.taskFor(topic, partition);
    this.metricsRegistry.partition(topic, partition).endOffset = Number(batch.highWatermark);
    let processed = -1; // last offset processed and not yet committed
    let stopped: PipelineStoppedError | undefined;
    let since = Date.now();
    const messages = batch.messages;
    for (let i = 0; i < messages.length; i++) {
      // isStale() builds a lookup key on every call, so it is asked every 1,024 records; it only
      // turns true after a seek, which the runner never does itself.
      if (!isRunning() || ((i & 1023) === 0 && isStale())) break;
      if ((i & 255) === 255 && processed >= 0 && Date.now() - since >= this.commitIntervalMs) {
        if (!(await this.commit(collector, topic, partition, processed, resolveOffset))) return;
        processed = -1;
        since = Date.now();
        await heartbeat();
      }
      const message = messages[i]!;
      // The rest of a batch that could not be decompressed: its first record speaks for it.
      if (isCoveredByUndecodableBatch(message.headers)) {
        processed = Number(message.offset);
        continue;
      }
      const record = toConsumedRecord(topic, partition, message);
      try {
        task.process(record);
      } catch (err) {
        if (!(err instanceof PipelineStoppedError)) {
          // Unexpected: kafkajs retries the batch from the last resolved offset, so start clean.
          collector.discard();
          throw err;
        }
        stopped = err;
        break;
      }
      processed = record.offset;
      if (collector.size >= this.maxRecordsPerFlush) {
        if (!(await this.commit(collector, topic, partition, processed, resolveOffset))) return;
        processed = -1;
        since = Date.now();
        await heartbeat();
      }
    }
    // Records before a stop are still produced and committed; the failing one is not.
    if (!(await this.commit(collector, topic, partition, processed, resolveOffset))) return;
    if (stopped) this.fail(stopped);
  }

  /**
   * Commits the output and progress so far; false when the pipeline cannot go on. Any other error
   * is thrown, and kafkajs fetches the batch again from the last offset resolved.
   */
  private async commit(
    collector: BatchCollector,
    topic: string,
    partition: number,
    lastOffset: number,
    resolveOffset: (offset: string) => void,
  ): Promise<boolean> {
    try {
      await this.committer!.commit(collector, topic, partition, lastOffset < 0 ? undefined : lastOffset + 1);
    } catch (err) {
      if (!(err instanceof TransactionsUnavailableError)) throw err;
      collector.discard();
      this.fail(err);
      return false;
    }
    if (lastOffset >= 0) resolveOffset(String(lastOffset));
    return true;
  }

  private taskFor(topic: string, partition: number): { task: StreamTask; collector: BatchCollector } {
    const id = `${topic}\u0000${partition}`;
    let entry = this.tasks.get(id);
    if (!entry) {
      const collector = new BatchCollector(this.metricsRegistry);
      const task = new StreamTask(this.topology, { topic, partition }, { collector, metrics: this.metricsRegistry });
      entry = { task, collector };
      this.tasks.set(id, entry);
    }
    return entry;
  }

  /** After a rebalance: list the partitions this member owns, close the tasks of the others. */
  private assigned(assignment: Record<string, number[]>): void {
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) this.metricsRegistry.partition(topic, partition);
    }
    for (const [id, { task }] of this.tasks) {
      const { topic, partition } = task.id;
      if (assignment[topic]?.includes(partition)) continue;
      this.closeTask(task);
      this.tasks.delete(id);
      void this.committer?.release(topic, partition);
    }
    for (const { topic, partition } of this.metricsRegistry.partitions()) {
      if (!assignment[topic]?.includes(partition)) this.metricsRegistry.dropPartition(topic, partition);
    }
  }

  private fail(error: Error): void {
    if (this.failure || this.currentState === 'stopped' || this.currentState === 'stopping') return;
    this.failure = error;
    this.currentState = 'failed';
    // Not awaited here: this may run inside eachBatch, which consumer.disconnect() waits for.
    setImmediate(() => {
      void this.shutdown().finally(() => {
        this.settle.reject(error);
        this.options.onFailure?.(error);
      });
    });
  }

  private async shutdown(): Promise<void> {
    this.sampler.stop();
    const consumer = this.consumer;
    this.consumer = undefined;
    // The consumer first: it waits for the batch in hand, which still commits through the committer.
    await consumer?.disconnect().catch(() => undefined);
    const committer = this.committer;
    this.committer = undefined;
    await committer?.close();
    for (const { task } of this.tasks.values()) this.closeTask(task);
    this.tasks.clear();
  }

  private closeTask(task: StreamTask): void {
    try {
      task.close();
    } catch {
      // A processor that fails to close cannot lose records: everything it saw is committed or not.
    }
  }

  private newDone(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    done.catch(() => undefined); // observed through `done` by whoever awaits it
    return done;
  }
}
