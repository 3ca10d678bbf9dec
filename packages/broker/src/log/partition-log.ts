import { rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BatchOffsets, LOG_OVERHEAD, readInt64, setBaseOffset, setPartitionLeaderEpoch } from '@sluice/kafka-protocol';
import { writeCheckpoint } from './checkpoint.js';
import { MAX_SEGMENT_BYTES, type LogConfig } from './config.js';
import { LogClosedError, OffsetOutOfRangeError } from './errors.js';
import { LOG_START_CHECKPOINT, RECOVERY_CHECKPOINT } from './file-names.js';
import { checkBatches } from './append-checks.js';
import { commitSwap, type SwapHook } from './cleaner/segment-swap.js';
import { loadLog } from './log-loader.js';
import { LogSegment, type SegmentLogger } from './segment.js';

export interface AppendResult {
  baseOffset: number;
  lastOffset: number;
  /** Always -1: timestamps are the producer's (LogAppendTime is stamped by the caller). */
  logAppendTime: number;
  recordCount: number;
}

export interface ReadResult {
  /** Whole batches, in offset order; one buffer per segment touched. */
  chunks: Buffer[];
  bytes: number;
}

export type AppendListener = (result: AppendResult) => void;

/** Sealed segments kept open for reading per partition; older ones close until read again. */
const MAX_OPEN_SEALED_SEGMENTS = 4;
const MAX_RELATIVE_OFFSET = 0x7fff_ffff;

/**
 * The append-only log of one partition in `<dataDir>/<topic>-<partition>/`, in Kafka's layout:
 * segments of record batches stored as produced, each with a sparse offset index and a time index.
 *
 * All I/O is synchronous. append() returns once the bytes are written (in the page cache, so a
 * crash of the process loses nothing); fsync follows flush.messages / flush.ms (see LogConfig).
 * Listeners registered with onAppend() run after every append, e.g. to wake Fetch long polls.
 */
export class PartitionLog {
  private segments: LogSegment[];
  private startOffset: number;
  private unflushedRecords = 0;
  /** Sealed since the last flush, so still to be fsynced. */
  private unflushedSegments: LogSegment[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  /** Sealed segments holding an open file, least recently read first. */
  private readonly openSealed = new Set<LogSegment>();
  private readonly listeners = new Set<AppendListener>();
  private state: 'open' | 'closed' | 'deleted' = 'open';
  /** Whether anything was appended since open: an untouched log closes without fsync. */
  private appended = false;
  private readonly name: string;

  private constructor(
    readonly dir: string,
    private config: LogConfig,
    private readonly logger: SegmentLogger,
  ) {
    this.name = `partition log ${basename(dir)}`;
    const loaded = loadLog(dir, config, logger);
    this.segments = loaded.segments;
    this.startOffset = loaded.logStartOffset;
  }

  /** Opens (creating if needed) and recovers the log in `dir`. */
  static open(dir: string, config: LogConfig, logger: SegmentLogger): PartitionLog {
    return new PartitionLog(dir, config, logger);
  }

  get logStartOffset(): number {
    return this.startOffset;
  }

  /** Offset the next record gets; also the high watermark on a single node. */
  get logEndOffset(): number {
    return this.active.nextOffset;
  }

  get sizeInBytes(): number {
    return this.segments.reduce((n, s) => n + s.size, 0);
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  private get active(): LogSegment {
    return this.segments[this.segments.length - 1];
  }

  /** Calls `listener` after every append until the returned function is called. */
  onAppend(listener: AppendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Appends one or more complete v2 batches (already CRC-checked by the caller): assigns offsets by
   * rewriting each baseOffset (and partitionLeaderEpoch) in `batches` itself, then writes them.
   * Throws InvalidBatchesError, writing nothing, when the bytes are not whole v2 batches.
   */
  append(batches: Buffer, leaderEpoch = 0): AppendResult {
    this.assertOpen();
    const recordCount = checkBatches(batches);
    const baseOffset = this.logEndOffset;
    let next = baseOffset;
    let runStart = 0;
    let pos = 0;
    while (pos < batches.length) {
      const size = LOG_OVERHEAD + batches.readInt32BE(pos + BatchOffsets.batchLength);
      const lastDelta = batches.readInt32BE(pos + BatchOffsets.lastOffsetDelta);
      const maxTimestamp = readInt64(batches, pos + BatchOffsets.maxTimestamp);
      if (this.shouldRoll(pos - runStart, size, maxTimestamp, next + lastDelta)) {
        if (pos > runStart) this.active.append(batches.subarray(runStart, pos));
        runStart = pos;
        this.roll(next);
      }
      setBaseOffset(batches, pos, next);
      setPartitionLeaderEpoch(batches, pos, leaderEpoch);
      next += lastDelta + 1;
      pos += size;
    }
    this.active.append(runStart === 0 ? batches : batches.subarray(runStart));
    this.unflushedRecords += recordCount;
    this.appended = true;
    const result: AppendResult = { baseOffset, lastOffset: next - 1, logAppendTime: -1, recordCount };
    this.scheduleFlush();
    for (const listener of this.listeners) listener(result);
    return result;
  }

  /**
   * Whole batches from the one containing `offset`, up to `maxBytes` (but at least one batch when
   * `minOneBatch`), continuing across segments. Empty at the log end offset; OffsetOutOfRangeError
   * outside [logStartOffset, logEndOffset].
   */
  read(offset: number, maxBytes: number, minOneBatch: boolean): ReadResult {
    this.assertOpen();
    if (offset < this.startOffset || offset > this.logEndOffset) {
      throw new OffsetOutOfRangeError(offset, this.startOffset, this.logEndOffset, this.name);
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    if (offset === this.logEndOffset) return { chunks, bytes };
    let i = this.segmentIndexFor(offset);
    let position = this.touch(this.segments[i]).findBatchPosition(offset);
    for (; i < this.segments.length; i++, position = 0) {
      if (position < 0) continue; // nothing at or after `offset` in this segment
      const seg = this.touch(this.segments[i]);
      const { data, reachedEnd } = seg.readBatches(position, maxBytes - bytes, minOneBatch && bytes === 0);
      if (data.length > 0) chunks.push(data);
      bytes += data.length;
      if (!reachedEnd || bytes >= maxBytes) break;
    }
    return { chunks, bytes };
  }

  /**
   * The first offset (at or after logStartOffset) of the first batch whose maxTimestamp is at
   * least `timestamp`, found through the time indexes; null when every batch is older. This is a
   * batch's base offset: a consumer skips any earlier records of that batch itself.
   */
  offsetForTimestamp(timestamp: number): number | null {
    this.assertOpen();
    for (const seg of this.segments) {
      if (seg.nextOffset <= this.startOffset || seg.maxTimestamp < timestamp) continue;
      const found = this.touch(seg).findOffsetForTimestamp(timestamp, Math.max(this.startOffset, seg.baseOffset));
      if (found !== null) return found;
    }
    return null;
  }

  /** DeleteRecords: raises logStartOffset to `offset` (durably) and removes segments wholly below it. */
  deleteRecordsBefore(offset: number): void {
    this.assertOpen();
    if (offset < 0 || offset > this.logEndOffset) {
      throw new OffsetOutOfRangeError(offset, this.startOffset, this.logEndOffset, this.name);
    }
    if (offset <= this.startOffset) return;
    this.startOffset = offset;
    this.saveStartOffset();
    this.deleteOldestWhile((_, next) => next.baseOffset <= offset);
  }

  /**
   * Deletes the oldest segments past retention.ms (by their largest timestamp) or beyond
   * retention.bytes, never the active one. Does nothing for compact-only topics.
   */
  applyRetention(now: number): void {
    if (this.state !== 'open' || this.config.cleanupPolicy === 'compact') return;
    const { retentionMs, retentionBytes } = this.config;
    let deleted = 0;
    if (retentionMs >= 0) {
      deleted += this.deleteOldestWhile((seg) => segmentTimestamp(seg) < now - retentionMs);
    }
    if (retentionBytes >= 0) {
      let total = this.sizeInBytes;
      deleted += this.deleteOldestWhile((seg) => {
        if (total - seg.size < retentionBytes) return false;
        total -= seg.size;
        return true;
      });
    }
    if (deleted > 0) this.logger.info(`${this.name}: retention deleted ${deleted} segment(s); log now starts at ${this.startOffset}`);
  }

  get logConfig(): LogConfig {
    return this.config;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** The sealed segments, oldest first: what the log cleaner may rewrite (never the active one). */
  sealedSegments(): LogSegment[] {
    return this.segments.slice(0, -1);
  }

  /**
   * Swaps `group` (consecutive sealed segments, still part of this log) for the cleaned segment
   * staged under `cleaned/` with the group's base offset (see segment-swap.ts). False, changing
   * nothing, when the log moved on meanwhile (segments deleted by retention, log closed).
   */
  replaceSegments(group: LogSegment[], hook?: SwapHook): boolean {
    if (this.state !== 'open' || group.length === 0) return false;
    const first = this.segments.indexOf(group[0]);
    const last = first + group.length - 1;
    if (first < 0 || last >= this.segments.length - 1 || group.some((seg, i) => this.segments[first + i] !== seg)) return false;
    for (const seg of group) {
      this.openSealed.delete(seg);
      seg.release(false);
    }
    commitSwap(this.dir, group.map((s) => s.baseOffset), hook);
    const cleaned = LogSegment.existing(this.dir, group[0].baseOffset, this.config.indexIntervalBytes, this.logger);
    cleaned.ensureIndexes();
    cleaned.nextOffset = group[group.length - 1].nextOffset;
    cleaned.release(false);
    this.unflushedSegments = this.unflushedSegments.filter((s) => !group.includes(s));
    this.segments.splice(first, group.length, cleaned);
    return true;
  }

  updateConfig(config: LogConfig): void {
    this.config = config;
    for (const seg of this.segments) seg.setIndexInterval(config.indexIntervalBytes);
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.state === 'open') this.scheduleFlush();
  }

  /** fsync everything appended so far and move the recovery point to the log end. */
  flush(): void {
    this.assertOpen();
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.unflushedRecords === 0 && this.unflushedSegments.length === 0) return;
    for (const seg of this.unflushedSegments) if (this.segments.includes(seg)) seg.flush();
    this.active.flush();
    this.unflushedSegments = [];
    this.unflushedRecords = 0;
    // Not fsynced: losing it only means validating more on the next open.
    writeCheckpoint(join(this.dir, RECOVERY_CHECKPOINT), { recoveryPoint: this.logEndOffset, cleanShutdown: false }, false);
  }

  /** Flushes, writes the indexes and marks the shutdown clean, so the next open skips recovery. */
  close(): void {
    if (this.state !== 'open') return;
    try {
      this.flush();
      this.active.seal();
      // Opening made everything durable already; only what was appended since needs the fsync.
      if (this.appended) this.active.flush();
      writeCheckpoint(join(this.dir, RECOVERY_CHECKPOINT), { recoveryPoint: this.logEndOffset, cleanShutdown: true }, this.appended);
    } finally {
      this.releaseAll();
      this.state = 'closed';
    }
  }

  /** Closes without flushing and removes the directory. */
  delete(): void {
    if (this.state === 'deleted') return;
    this.releaseAll();
    this.state = 'deleted';
    rmSync(this.dir, { recursive: true, force: true });
  }

  // ---- internals ----

  private assertOpen(): void {
    if (this.state !== 'open') throw new LogClosedError(`${this.name} is ${this.state}`);
  }

  /** Roll before a batch of `size` bytes when the active segment (plus `pending` unwritten bytes) is full or old. */
  private shouldRoll(pending: number, size: number, maxTimestamp: number, lastOffset: number): boolean {
    const seg = this.active;
    const used = seg.size + pending;
    if (used === 0) return false;
    if (used + size > Math.min(this.config.segmentBytes, MAX_SEGMENT_BYTES)) return true;
    if (lastOffset - seg.baseOffset > MAX_RELATIVE_OFFSET) return true;
    if (seg.size === 0) return false;
    const rollBase = seg.firstBatchTimestamp >= 0 ? seg.firstBatchTimestamp : seg.openedAt;
    const now = maxTimestamp >= 0 ? maxTimestamp : Date.now();
    return now - rollBase > this.config.segmentMs;
  }

  private roll(baseOffset: number): void {
    const old = this.active;
    old.seal();
    this.unflushedSegments.push(old);
    this.segments.push(LogSegment.create(this.dir, baseOffset, this.config.indexIntervalBytes, this.logger));
    if (old.isOpen) this.touch(old);
  }

  /** Marks a sealed segment as recently read, closing the least recently read beyond the cap. */
  private touch(seg: LogSegment): LogSegment {
    if (seg === this.active) return seg;
    this.openSealed.delete(seg);
    this.openSealed.add(seg);
    for (const oldest of this.openSealed) {
      if (this.openSealed.size <= MAX_OPEN_SEALED_SEGMENTS) break;
      this.openSealed.delete(oldest);
      oldest.release(false);
    }
    return seg;
  }

  /** Index of the last segment whose base offset is ≤ offset (0 if none). */
  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid].baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Deletes sealed segments from the oldest while `predicate` holds; raises logStartOffset past them. */
  private deleteOldestWhile(predicate: (seg: LogSegment, next: LogSegment) => boolean): number {
    let deleted = 0;
    while (this.segments.length > 1 && predicate(this.segments[0], this.segments[1])) {
      const seg = this.segments.shift()!;
      this.openSealed.delete(seg);
      this.unflushedSegments = this.unflushedSegments.filter((s) => s !== seg);
      seg.delete();
      deleted++;
    }
    if (this.segments[0].baseOffset > this.startOffset) {
      this.startOffset = this.segments[0].baseOffset;
      this.saveStartOffset();
    }
    return deleted;
  }

  private saveStartOffset(): void {
    writeCheckpoint(join(this.dir, LOG_START_CHECKPOINT), { logStartOffset: this.startOffset }, true);
  }

  private scheduleFlush(): void {
    if (this.unflushedRecords === 0 && this.unflushedSegments.length === 0) return;
    const { flushMessages, flushMs } = this.config;
    if (this.unflushedRecords >= flushMessages || flushMs === 0) {
      this.flush();
      return;
    }
    if (this.flushTimer !== null || !(flushMs > 0 && Number.isFinite(flushMs))) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      if (this.state !== 'open') return;
      try {
        this.flush();
      } catch (err) {
        this.logger.warn(`${this.name}: fsync failed: ${(err as Error).message}`);
      }
    }, flushMs);
    this.flushTimer.unref();
  }

  private releaseAll(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    for (const seg of this.segments) seg.release(seg === this.active);
    this.openSealed.clear();
  }
}

/** A segment's age for retention.ms: its largest timestamp, or the file's mtime without one. */
function segmentTimestamp(seg: LogSegment): number {
  if (seg.maxTimestamp >= 0) return seg.maxTimestamp;
  try {
    return statSync(seg.logPath).mtimeMs;
  } catch {
    return 0;
  }
}
