import type { AppendNotifier } from '../cluster/append-notifier.js';
import type { TopicRegistry } from '../cluster/topic-registry.js';
import type { Logger } from '../logger.js';
import { PartitionProducers } from './partition-producers.js';

/** How often changed producer state is saved; after `kill -9` the log since then is read again. */
const SNAPSHOT_INTERVAL_MS = 10_000;

/**
 * The producer state of every partition, loaded on first use (from its snapshot and the log) and
 * saved periodically and at close. Keyed by topic and partition; a partition whose log object
 * changed (topic deleted and created again) starts over.
 */
export class ProducerStates {
  private readonly partitions = new Map<string, PartitionProducers>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly topics: TopicRegistry,
    private readonly appends: AppendNotifier,
    private readonly logger: Logger,
  ) {
    topics.onTopicDeleted((topic) => {
      for (const key of [...this.partitions.keys()]) if (key.startsWith(`${topic}\0`)) this.partitions.delete(key);
    });
  }

  /** Saves changed snapshots every few seconds until close(). */
  start(): void {
    this.timer = setInterval(() => this.snapshotAll(), SNAPSHOT_INTERVAL_MS);
    this.timer.unref();
  }

  /** The partition's producer state, or undefined when the partition does not exist. */
  get(topic: string, partition: number): PartitionProducers | undefined {
    const log = this.topics.partition(topic, partition);
    if (!log) return undefined;
    const key = `${topic}\0${partition}`;
    let entry = this.partitions.get(key);
    if (!entry || entry.log !== log) {
      entry = new PartitionProducers(log);
      this.partitions.set(key, entry);
    }
    return entry;
  }

  /** Writes a transaction marker and wakes fetches waiting on the partition. False when it is gone. */
  writeMarker(topic: string, partition: number, producerId: number, producerEpoch: number, commit: boolean): boolean {
    const entry = this.get(topic, partition);
    if (!entry) return false;
    entry.writeMarker(producerId, producerEpoch, commit, 0);
    this.appends.appended(topic, partition, 1);
    return true;
  }

  snapshotAll(): void {
    for (const [key, entry] of this.partitions) {
      try {
        entry.snapshot();
      } catch (err) {
        this.logger.warn(`could not save producer state of ${key.replace('\0', '-')}: ${(err as Error).message}`);
      }
    }
  }

  /** Saves every snapshot; call before the logs close. */
  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.snapshotAll();
  }
}
