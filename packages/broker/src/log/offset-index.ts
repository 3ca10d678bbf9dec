import { EntryIndex } from './entry-index.js';

/**
 * The sparse offset index (`.index`): entries of (baseOffset of a batch − segment base offset,
 * file position of that batch), both int32, one every index.interval.bytes of log. A lookup gives
 * a position at or before the wanted batch; a short scan of batch headers finds it.
 */
export class OffsetIndex extends EntryIndex {
  constructor(path: string) {
    super(path, 8);
  }

  append(relativeOffset: number, position: number): void {
    const at = this.nextSlot();
    this.data.writeInt32BE(relativeOffset, at);
    this.data.writeInt32BE(position, at + 4);
  }

  /** Position of the last indexed batch whose base is ≤ relativeOffset; 0 when there is none. */
  lookup(relativeOffset: number): number {
    const i = this.lastAtOrBelow(relativeOffset);
    return i < 0 ? 0 : this.data.readInt32BE(i * 8 + 4);
  }

  /** Position of the last entry (0 when empty): where a tail scan can start. */
  get lastPosition(): number {
    return this.count === 0 ? 0 : this.data.readInt32BE((this.count - 1) * 8 + 4);
  }

  get lastRelativeOffset(): number {
    return this.count === 0 ? -1 : this.data.readInt32BE((this.count - 1) * 8);
  }

  isSane(segmentSize: number): boolean {
    let prevOffset = -1;
    let prevPosition = -1;
    for (let i = 0; i < this.count; i++) {
      const rel = this.data.readInt32BE(i * 8);
      const pos = this.data.readInt32BE(i * 8 + 4);
      if (rel <= prevOffset || pos <= prevPosition || pos >= segmentSize) return false;
      prevOffset = rel;
      prevPosition = pos;
    }
    return true;
  }

  private lastAtOrBelow(relativeOffset: number): number {
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data.readInt32BE(mid * 8) <= relativeOffset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
