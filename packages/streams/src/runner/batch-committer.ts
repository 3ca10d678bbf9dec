import type { CompressionTypes } from 'kafkajs';
import type { BatchCollector } from './batch-collector.js';

/** Where one task's output and progress go at the end of a batch (or a commit interval). */
export interface BatchCommitter {
  /**
   * Produces what `collector` holds and commits `nextOffset` (the next offset to read) of the
   * partition; `undefined` commits no offset. Resolves once both are durable; throws with neither
   * counted, so the caller processes the same records again.
   */
  commit(collector: BatchCollector, topic: string, partition: number, nextOffset: number | undefined): Promise<void>;
  /** The partition moved to another member: let go of what was held for it. */
  release(topic: string, partition: number): Promise<void>;
  close(): Promise<void>;
}

export type CompressionOf = (topic: string) => CompressionTypes;
