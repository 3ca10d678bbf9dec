import type { StreamRecord } from '../record.js';

/** What a sampler saw since it was last drained. */
export interface SampledRecords {
  /** Oldest first; at most the sampler's capacity. */
  readonly records: StreamRecord[];
  /** Records that passed since the last drain but were pushed out of the ring before it. */
  readonly missed: number;
}

/**
 * The last `capacity` records that passed one place of a topology, in a fixed ring. Adding is a
 * store and an increment; records are kept by reference (they are immutable), so nothing is
 * copied or encoded until someone drains.
 */
export class RecordSampler {
  private readonly ring: Array<StreamRecord | undefined>;
  /** Records added since the sampler was made. */
  private added = 0;
  /** `added` as of the last drain. */
  private drained = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`a record sampler holds at least 1 record (got ${capacity})`);
    this.ring = new Array<StreamRecord | undefined>(capacity);
  }

  add(record: StreamRecord): void {
    this.ring[this.added % this.capacity] = record;
    this.added++;
  }

  /** Records that passed in all. */
  get passed(): number {
    return this.added;
  }

  /** The records added since the previous drain that are still in the ring, and how many are not. */
  drain(): SampledRecords {
    const from = Math.max(this.drained, this.added - this.capacity);
    const missed = from - this.drained;
    const records: StreamRecord[] = [];
    for (let i = from; i < this.added; i++) records.push(this.ring[i % this.capacity]!);
    this.drained = this.added;
    return { records, missed };
  }
}
