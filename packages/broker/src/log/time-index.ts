import { readInt64, writeInt64 } from '@sluice/kafka-protocol';
import { EntryIndex } from './entry-index.js';

/**
 * The time index (`.timeindex`): entries of (largest batch maxTimestamp so far, int64; base offset
 * of the batch holding it − segment base offset, int32), strictly increasing in timestamp. Written
 * at offset-index points and once more when the segment rolls, so the last entry of a finished
 * segment carries its largest timestamp.
 */
export class TimeIndex extends EntryIndex {
  constructor(path: string) {
    super(path, 12);
  }

  /** Adds an entry unless the timestamp does not exceed the last one. */
  maybeAppend(timestamp: number, relativeOffset: number): void {
    if (this.count > 0 && timestamp <= this.lastTimestamp) return;
    const at = this.nextSlot();
    writeInt64(this.data, at, timestamp);
    this.data.writeInt32BE(relativeOffset, at + 8);
  }

  /** -1 when empty. */
  get lastTimestamp(): number {
    return this.count === 0 ? -1 : readInt64(this.data, (this.count - 1) * 12);
  }

  /**
   * The relative offset of the last entry with a timestamp below `timestamp`: every batch up to
   * that one is older, so a search for the first batch at or after `timestamp` can start there.
   * -1 when there is none (start at the segment's beginning).
   */
  lookupBefore(timestamp: number): number {
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (readInt64(this.data, mid * 12) < timestamp) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? -1 : this.data.readInt32BE(found * 12 + 8);
  }

  isSane(): boolean {
    let prevTs = -Infinity;
    let prevOffset = -1;
    for (let i = 0; i < this.count; i++) {
      const ts = readInt64(this.data, i * 12);
      const rel = this.data.readInt32BE(i * 12 + 8);
      if (ts <= prevTs || rel < prevOffset) return false;
      prevTs = ts;
      prevOffset = rel;
    }
    return true;
  }
}
