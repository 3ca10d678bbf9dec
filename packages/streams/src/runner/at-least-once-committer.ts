import type { Consumer, Producer } from 'kafkajs';
import type { BatchCollector } from './batch-collector.js';
import type { BatchCommitter, CompressionOf } from './batch-committer.js';

/**
 * at_least_once: the batch's output is produced with acks=all, and only then are its offsets
 * committed, so a crash in between replays the batch but never loses it.
 */
export class AtLeastOnceCommitter implements BatchCommitter {
  constructor(
    private readonly producer: Producer,
    private readonly consumer: Consumer,
    private readonly compressionOf: CompressionOf,
  ) {}

  async commit(collector: BatchCollector, topic: string, partition: number, nextOffset: number | undefined): Promise<void> {
    await collector.flush(this.producer, { compressionOf: this.compressionOf });
    if (nextOffset === undefined) return;
    await this.consumer.commitOffsets([{ topic, partition, offset: String(nextOffset) }]);
  }

  async release(): Promise<void> {}

  async close(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
  }
}
