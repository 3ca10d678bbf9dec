import { CompressionTypes, type Message, type Producer } from 'kafkajs';
import type { TopologyMetrics } from '../metrics/index.js';
import type { ProducedKind } from '../processor/index.js';
import type { ProducedRecord } from '../record.js';
import type { RecordCollector } from '../task/index.js';
import { toProducerMessage } from './kafka-records.js';

export interface FlushOptions {
  readonly compression: CompressionTypes;
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

  async flush(producer: Producer, options: FlushOptions): Promise<void> {
    if (this.count === 0) return;
    const topicMessages = [...this.byTopic].map(([topic, messages]) => ({ topic, messages }));
    const timestamps = this.sinkTimestamps;
    const deadLetters = this.deadLetters;
    this.discard();
    await producer.sendBatch({ topicMessages, acks: -1, compression: options.compression });
    const ackedAt = Date.now();
    for (let i = 0; i < timestamps.length; i++) this.metrics.sinkAcknowledged(timestamps[i]!, ackedAt);
    for (let i = 0; i < deadLetters; i++) this.metrics.deadLetterAcknowledged();
  }
}
