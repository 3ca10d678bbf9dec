import type { Kafka, Producer } from 'kafkajs';
import { Partitioners } from 'kafkajs';
import type { BatchCollector } from './batch-collector.js';
import type { BatchCommitter, CompressionOf } from './batch-committer.js';
import { TransactionsUnavailableError, isTransactionsUnsupported } from './transactions-unavailable.js';

/**
 * exactly_once_v2: a batch's sink records, dead letters and consumed offset commit in one Kafka
 * transaction. kafkajs's TxnOffsetCommit carries no consumer group metadata (KIP-447), so the
 * broker cannot fence a zombie by generation; instead each input partition has its own
 * transactional id, `<group>-<topic>-<partition>`. Whoever owns the partition next initialises that
 * id, which aborts the zombie's open transaction and fences its producer epoch.
 */
export class ExactlyOnceCommitter implements BatchCommitter {
  private readonly producers = new Map<string, Promise<Producer>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly consumerGroup: string,
    private readonly compressionOf: CompressionOf,
  ) {}

  async commit(collector: BatchCollector, topic: string, partition: number, nextOffset: number | undefined): Promise<void> {
    if (collector.size === 0 && nextOffset === undefined) return;
    const producer = await this.producerFor(topic, partition);
    let transaction: Awaited<ReturnType<Producer['transaction']>> | undefined;
    try {
      transaction = await producer.transaction();
      const txn = transaction;
      await collector.flush(txn, {
        compressionOf: this.compressionOf,
        commit: async () => {
          if (nextOffset !== undefined) {
            await txn.sendOffsets({ consumerGroupId: this.consumerGroup, topics: [{ topic, partitions: [{ partition, offset: String(nextOffset) }] }] });
          }
          await txn.commit();
        },
      });
    } catch (err) {
      collector.discard();
      // The transaction's outcome is in doubt: abort what can be aborted and start over with a new
      // producer, whose initialisation also aborts anything the broker still holds open.
      if (transaction?.isActive()) await transaction.abort().catch(() => undefined);
      await this.release(topic, partition);
      throw err;
    }
  }

  async release(topic: string, partition: number): Promise<void> {
    const id = key(topic, partition);
    const producer = this.producers.get(id);
    this.producers.delete(id);
    await producer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  async close(): Promise<void> {
    const all = [...this.producers.values()];
    this.producers.clear();
    await Promise.all(all.map((p) => p.then((producer) => producer.disconnect()).catch(() => undefined)));
  }

  private producerFor(topic: string, partition: number): Promise<Producer> {
    const id = key(topic, partition);
    let producer = this.producers.get(id);
    if (!producer) {
      producer = this.connect(`${this.consumerGroup}-${topic}-${partition}`);
      this.producers.set(id, producer);
      producer.catch(() => this.producers.delete(id));
    }
    return producer;
  }

  private async connect(transactionalId: string): Promise<Producer> {
    const producer = this.kafka.producer({
      transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await producer.connect();
      return producer;
    } catch (err) {
      await producer.disconnect().catch(() => undefined);
      throw isTransactionsUnsupported(err) ? new TransactionsUnavailableError(err) : err;
    }
  }
}

function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
