import { closeSync, fsyncSync, ftruncateSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { BATCH_HEADER_SIZE, BatchOffsets, LOG_OVERHEAD, readInt64 } from '@sluice/kafka-protocol';
import { LOG_SUFFIX, OFFSET_INDEX_SUFFIX, TIME_INDEX_SUFFIX, segmentPath } from './file-names.js';
import { OffsetIndex } from './offset-index.js';
import { readAt, WindowedReader } from './segment-reader.js';
import { TimeIndex } from './time-index.js';

/** Window for walking batch headers: big enough to cover an index interval of small batches. */
const SCAN_WINDOW = 16 * 1024;

export interface SegmentLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

/** What a header walk needs of each batch. */
export interface BatchPosition {
  position: number;
  size: number;
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
}

/**
 * One segment: `<base>.log` holding batches exactly as produced (only baseOffset and
 * partitionLeaderEpoch rewritten) plus its offset and time indexes. The active segment keeps its
 * file open and its indexes in memory; older segments open both lazily and can release them.
 */
export class LogSegment {
  readonly logPath: string;
  /** Bytes of valid batches in the file. */
  size: number;
  /** One past the last offset held; equals baseOffset while empty. */
  nextOffset: number;
  /** Largest batch maxTimestamp, -1 when unknown or empty. */
  maxTimestamp = -1;
  /** maxTimestamp of the first batch (segment.ms counts from it), -1 when empty. */
  firstBatchTimestamp = -1;
  /** Wall clock when this segment was created or loaded: segment.ms falls back to it. */
  readonly openedAt = Date.now();

  private fd: number | null = null;
  private offsetIndex: OffsetIndex;
  private timeIndex: TimeIndex;
  private indexesLoaded: boolean;
  private offsetOfMaxTimestamp: number;
  private bytesSinceIndexEntry = 0;

  private constructor(
    readonly dir: string,
    readonly baseOffset: number,
    size: number,
    private indexIntervalBytes: number,
    private readonly logger: SegmentLogger,
  ) {
    this.logPath = segmentPath(dir, baseOffset, LOG_SUFFIX);
    this.size = size;
    this.nextOffset = baseOffset;
    this.offsetOfMaxTimestamp = baseOffset;
    this.offsetIndex = new OffsetIndex(segmentPath(dir, baseOffset, OFFSET_INDEX_SUFFIX));
    this.timeIndex = new TimeIndex(segmentPath(dir, baseOffset, TIME_INDEX_SUFFIX));
    this.indexesLoaded = size === 0;
  }

  /** A new, empty segment (replacing any files of the same name). */
  static create(dir: string, baseOffset: number, indexIntervalBytes: number, logger: SegmentLogger): LogSegment {
    const seg = new LogSegment(dir, baseOffset, 0, indexIntervalBytes, logger);
    seg.fd = openSync(seg.logPath, 'w+', 0o644);
    seg.offsetIndex.persist(false);
    seg.timeIndex.persist(false);
    return seg;
  }

  /** A segment already on disk; nothing is read until it is used. */
  static existing(dir: string, baseOffset: number, indexIntervalBytes: number, logger: SegmentLogger): LogSegment {
    const path = segmentPath(dir, baseOffset, LOG_SUFFIX);
    return new LogSegment(dir, baseOffset, statSync(path).size, indexIntervalBytes, logger);
  }

  setIndexInterval(bytes: number): void {
    this.indexIntervalBytes = bytes;
  }

  // ---- writing ----

  /**
   * Appends complete batches whose offsets are already assigned. The bytes are written with
   * write(2) before this returns, so they survive a crash of the process.
   */
  append(chunk: Buffer): void {
    const fd = this.handle();
    let written = 0;
    try {
      while (written < chunk.length) written += writeSync(fd, chunk, written, chunk.length - written, this.size + written);
    } catch (err) {
      // Leave no half-written batch behind: the next append must start on a batch boundary.
      try {
        ftruncateSync(fd, this.size);
      } catch {
        // Recovery on the next open truncates the torn tail instead.
      }
      throw err;
    }
    for (let p = 0; p < chunk.length; ) {
      const size = LOG_OVERHEAD + chunk.readInt32BE(p + BatchOffsets.batchLength);
      const baseOffset = readInt64(chunk, p + BatchOffsets.baseOffset);
      this.track({
        position: this.size + p,
        size,
        baseOffset,
        lastOffset: baseOffset + chunk.readInt32BE(p + BatchOffsets.lastOffsetDelta),
        maxTimestamp: readInt64(chunk, p + BatchOffsets.maxTimestamp),
      });
      p += size;
    }
    this.size += chunk.length;
  }

  /** Accounts a batch at the end of the segment: offsets, timestamps and sparse index entries. */
  track(b: BatchPosition): void {
    let indexed = false;
    if (this.bytesSinceIndexEntry > this.indexIntervalBytes) {
      this.offsetIndex.append(b.baseOffset - this.baseOffset, b.position);
      this.bytesSinceIndexEntry = 0;
      indexed = true;
    }
    if (b.maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = b.maxTimestamp;
      this.offsetOfMaxTimestamp = b.baseOffset;
    }
    if (indexed) this.timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp - this.baseOffset);
    if (this.firstBatchTimestamp < 0) this.firstBatchTimestamp = b.maxTimestamp;
    this.bytesSinceIndexEntry += b.size;
    this.nextOffset = b.lastOffset + 1;
  }

  /** Forgets all index entries and counters, before the batches are tracked again from the start. */
  resetTracking(): void {
    this.offsetIndex.reset();
    this.timeIndex.reset();
    this.indexesLoaded = true;
    this.bytesSinceIndexEntry = 0;
    this.maxTimestamp = -1;
    this.firstBatchTimestamp = -1;
    this.offsetOfMaxTimestamp = this.baseOffset;
    this.nextOffset = this.baseOffset;
  }

  /** Cuts the file at `size` (the end of the last good batch). */
  truncateTo(size: number): void {
    ftruncateSync(this.handle(), size);
    this.size = size;
  }

  /** Called when this stops being the active segment: the time index records the segment's maximum. */
  seal(): void {
    if (this.indexesLoaded && this.maxTimestamp >= 0) {
      this.timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp - this.baseOffset);
    }
    this.persistIndexes(false);
  }

  persistIndexes(sync: boolean): void {
    if (!this.indexesLoaded) return;
    this.offsetIndex.persist(sync);
    this.timeIndex.persist(sync);
  }

  /** fsync the log file and the indexes. */
  flush(): void {
    fsyncSync(this.handle());
    if (this.indexesLoaded) this.persistIndexes(true);
    else for (const path of [this.offsetIndex.path, this.timeIndex.path]) fsyncPath(path);
  }

  // ---- reading ----

  /** The file descriptor, opened on first use. */
  handle(): number {
    if (this.fd === null) this.fd = openSync(this.logPath, 'r+');
    return this.fd;
  }

  get isOpen(): boolean {
    return this.fd !== null;
  }

  /**
   * Whole batches from `position`, at most `maxBytes` of them, but at least the first one when
   * `minOneBatch`. `reachedEnd` says the read stopped at the end of the segment rather than at the
   * byte limit.
   */
  readBatches(position: number, maxBytes: number, minOneBatch: boolean): { data: Buffer; reachedEnd: boolean } {
    const available = this.size - position;
    if (available <= 0) return { data: Buffer.alloc(0), reachedEnd: true };
    const fd = this.handle();
    const want = Math.min(Math.max(maxBytes, 0), available);
    let data = want > 0 ? readAt(fd, position, want) : Buffer.alloc(0);
    let end = 0;
    while (end + BATCH_HEADER_SIZE <= data.length) {
      const size = LOG_OVERHEAD + data.readInt32BE(end + BatchOffsets.batchLength);
      if (end + size > data.length) break;
      end += size;
    }
    if (end === 0) {
      if (!minOneBatch) return { data: Buffer.alloc(0), reachedEnd: false };
      // The first batch alone is over the limit: read exactly it, reusing the bytes already read.
      const head = data.length >= LOG_OVERHEAD ? data : readAt(fd, position, LOG_OVERHEAD);
      const size = Math.min(LOG_OVERHEAD + head.readInt32BE(BatchOffsets.batchLength), available);
      const whole = Buffer.allocUnsafe(size);
      const have = Math.min(data.length, size);
      data.copy(whole, 0, 0, have);
      if (have < size) readAt(fd, position + have, size - have).copy(whole, have);
      data = whole;
      end = size;
    }
    return { data: end === data.length ? data : data.subarray(0, end), reachedEnd: position + end >= this.size };
  }

  /** File position of the batch containing `offset` (or the first after it), -1 if none here. */
  findBatchPosition(offset: number): number {
    this.ensureIndexes();
    const from = offset <= this.baseOffset ? 0 : this.offsetIndex.lookup(offset - this.baseOffset);
    for (const b of this.walk(from)) if (b.lastOffset >= offset) return b.position;
    return -1;
  }

  /** Base offset of the first batch at or after `minOffset` whose maxTimestamp ≥ `timestamp`. */
  findOffsetForTimestamp(timestamp: number, minOffset: number): number | null {
    this.ensureIndexes();
    const rel = this.timeIndex.lookupBefore(timestamp);
    const start = Math.max(minOffset, rel < 0 ? this.baseOffset : this.baseOffset + rel);
    const position = this.findBatchPosition(start);
    if (position < 0) return null;
    for (const b of this.walk(position)) {
      if (b.lastOffset >= minOffset && b.maxTimestamp >= timestamp) return Math.max(b.baseOffset, minOffset);
    }
    return null;
  }

  /** Batch headers from `position` to the end of the valid data, read window by window. */
  *walk(position: number, end = this.size): Generator<BatchPosition> {
    const reader = new WindowedReader(this.handle(), end, SCAN_WINDOW);
    while (position + BATCH_HEADER_SIZE <= end) {
      const { buf, at } = reader.view(position, BATCH_HEADER_SIZE);
      const size = LOG_OVERHEAD + buf.readInt32BE(at + BatchOffsets.batchLength);
      if (size < BATCH_HEADER_SIZE) return;
      const baseOffset = readInt64(buf, at);
      yield {
        position,
        size,
        baseOffset,
        lastOffset: baseOffset + buf.readInt32BE(at + BatchOffsets.lastOffsetDelta),
        maxTimestamp: readInt64(buf, at + BatchOffsets.maxTimestamp),
      };
      position += size;
    }
  }

  // ---- indexes of segments loaded from disk ----

  /** Loads both index files; false (and nothing loaded) when one is missing or inconsistent. */
  tryLoadIndexes(): boolean {
    if (this.indexesLoaded) return true;
    const ok = this.offsetIndex.load() && this.timeIndex.load() && this.offsetIndex.isSane(this.size) && this.timeIndex.isSane();
    if (!ok) {
      this.offsetIndex = new OffsetIndex(this.offsetIndex.path);
      this.timeIndex = new TimeIndex(this.timeIndex.path);
      return false;
    }
    this.indexesLoaded = true;
    this.maxTimestamp = Math.max(this.maxTimestamp, this.timeIndex.lastTimestamp);
    return true;
  }

  /** Indexes of a sealed segment, loaded on first use; rebuilt from the log if damaged. */
  ensureIndexes(): void {
    if (this.tryLoadIndexes()) return;
    this.logger.warn(`rebuilding the indexes of ${this.logPath}: missing or inconsistent`);
    const batches = [...this.walk(0)];
    this.resetTracking();
    for (const b of batches) this.track(b);
    this.seal();
  }

  /** Where a walk that continues loaded indexes starts: the last indexed batch (0 without one). */
  get lastIndexedPosition(): number {
    return this.offsetIndex.lastPosition;
  }

  /**
   * Prepares to track batches again from lastIndexedPosition after loading the indexes: the batch
   * there is already indexed, so the byte counter starts at zero.
   */
  prepareResume(firstBatchTimestamp: number): void {
    this.bytesSinceIndexEntry = 0;
    this.firstBatchTimestamp = firstBatchTimestamp;
    this.nextOffset = this.baseOffset;
  }

  /** Closes the file and, for a sealed segment, drops its in-memory indexes. */
  release(active: boolean): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    if (!active && this.indexesLoaded) {
      this.offsetIndex = new OffsetIndex(this.offsetIndex.path);
      this.timeIndex = new TimeIndex(this.timeIndex.path);
      this.indexesLoaded = false;
    }
  }

  delete(): void {
    this.release(true);
    for (const path of [this.logPath, this.offsetIndex.path, this.timeIndex.path]) {
      try {
        unlinkSync(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
}

function fsyncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return; // a missing index is rebuilt when needed
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
