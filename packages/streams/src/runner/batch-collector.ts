import type { CompressionTypes, Message, Sender } from 'kafkajs';
import type { TopologyMetrics } from '../metrics/index.js';
import type { ProducedKind } from '../processor/index.js';
import type { ProducedRecord } from '../record.js';
import type { RecordCollector } from '../task/index.js';
import { toProducerMessage } from './kafka-records.js';

export interface FlushOptions {
  /** The codec each topic is written with (a sink's `compression`; none for dead letters). */
  readonly compressionOf: (topic: string) => CompressionTypes;
  /**
   * Runs after the records are sent and before they count as acknowledged (the transaction's
   * commit, under exactly-once); runs even when nothing was collected.
   */
  readonly commit?: () => Promise<void>;
}

/**
 * Buffers what one task writes (sink records and dead-letters) until the runner flushes it as one
 * produce call with acks=all. The flush resolves only once every record is acknowledged, which is
 * when the runner may commit the consumed offsets behind them.
 */
export class BatchCollector implements RecordCollector {
  private byTopic = new Map<string, Message[]>();
  /** Source timestamps of pending sink records (for latency), and how many dead-letters wait. */
  private sinkTimestamps: number[] = [];
  private deadLetters = 0;
  private count = 0;

  constructor(private readonly metrics: TopologyMetrics) {}

  send(record: ProducedRecord, kind: ProducedKind): void {
    let messages = this.byTopic.get(record.topic);
    if (!messages) this.byTopic.set(record.topic, (messages = []));
    messages.push(toProducerMessage(record));
    if (kind === 'sink') this.sinkTimestamps.push(record.timestamp);
    else this.deadLetters++;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Drops what was collected: the batch failed and will be fetched and processed again. */
  discard(): void {
    this.byTopic = new Map();
    this.sinkTimestamps = [];
    this.deadLetters = 0;
    this.count = 0;
  }

  async flush(producer: Pick<Sender, 'sendBatch'>, options: FlushOptions): Promise<void> {
    if (this.count === 0) return options.commit?.();
    const topicMessages = [...this.byTopic].map(([topic, messages]) => ({ topic, messages }));
    const timestamps = this.sinkTimestamps;
    const deadLetters = this.deadLetters;
    this.discard();
    // One produce call per codec: kafkajs compresses a whole request with one.
    const byCodec = new Map<CompressionTypes, { topic: string; messages: Message[] }[]>();
    for (const entry of topicMessages) {
      const codec = options.compressionOf(entry.topic);
      let group = byCodec.get(codec);
      if (!group) byCodec.set(codec, (group = []));
      group.push(entry);
    }
    // In turn, not at once: a transactional producer sends one request at a time anyway.
    for (const [compression, group] of byCodec) await producer.sendBatch({ topicMessages: group, acks: -1, compression });
    await options.commit?.();
    const ackedAt = Date.now();
    for (let i = 0; i < timestamps.length; i++) this.metrics.sinkAcknowledged(timestamps[i]!, ackedAt);
    for (let i = 0; i < deadLetters; i++) this.metrics.deadLetterAcknowledged();
  }
}
