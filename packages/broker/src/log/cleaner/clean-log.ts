import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { codecName, decodeRecordsAsync, iterateBatches, rewriteBatch, type DecodedRecord, type RecordBatchHeader } from '@sluice/kafka-protocol';
import { isCompacted, MAX_SEGMENT_BYTES } from '../config.js';
import type { PartitionLog } from '../partition-log.js';
import { LogSegment } from '../segment.js';
import { firstCleanedAt, readCleanerState, recordPass, writeCleanerState, type CleanerState } from './cleaner-state.js';
import { abandonStaging, freshStagingDir, type SwapHook } from './segment-swap.js';

/** Bytes read from a segment per step; the event loop gets a turn between steps. */
const READ_SLICE = 1024 * 1024;
const MAX_OFFSET_SPAN = 0x7fff_ffff;

export interface CleanStats {
  /** Bytes of the segments read and rewritten. */
  bytesRead: number;
  bytesWritten: number;
  recordsRemoved: number;
  segmentsReplaced: number;
}

export interface CleanOptions {
  now?: number;
  /** Crash tests stop a swap here. */
  swapHook?: SwapHook;
}

/** How much of a compacted log is worth cleaning now. */
export interface Cleanability {
  dirtyRatio: number;
  /** A dirty record is older than max.compaction.lag.ms, or kept tombstones are due. */
  overdue: boolean;
  /** Offset the cleanable part ends at (the active segment and records within min.compaction.lag.ms are not). */
  cleanableEnd: number;
}

export function cleanability(log: PartitionLog, state: CleanerState, now: number): Cleanability {
  const config = log.logConfig;
  const minLag = config.minCompactionLagMs ?? 0;
  const maxLag = config.maxCompactionLagMs ?? Infinity;
  const firstDirty = Math.max(state.firstDirtyOffset, log.logStartOffset);
  let clean = 0;
  let dirty = 0;
  let overdue = state.tombstonesDueAt !== null && state.tombstonesDueAt <= now;
  let cleanableEnd = log.logStartOffset;
  for (const seg of log.sealedSegments()) {
    if (seg.nextOffset <= log.logStartOffset) continue;
    if (seg.maxTimestamp > now - minLag) break;
    cleanableEnd = seg.nextOffset;
    if (seg.nextOffset <= firstDirty) clean += seg.size;
    else {
      dirty += seg.size;
      if (seg.maxTimestamp >= 0 && seg.maxTimestamp < now - maxLag) overdue = true;
    }
  }
  return { dirtyRatio: dirty + clean === 0 ? 0 : dirty / (dirty + clean), overdue: overdue && cleanableEnd > log.logStartOffset, cleanableEnd };
}

/**
 * One cleaning pass over a compacted log, as Kafka's cleaner does it: a map of each key's latest
 * offset from the dirty part, then every sealed segment up to the cleanable end rewritten group by
 * group keeping only each key's latest record. Offsets never change and the log start does not
 * move. Tombstones go once delete.retention.ms has passed since the cleaner first passed them.
 * Control and transactional batches are kept as they are. Everything happens in slices with the
 * event loop free in between; each rewritten group is swapped in crash-safely.
 */
export async function cleanLog(log: PartitionLog, options: CleanOptions = {}): Promise<CleanStats> {
  const now = options.now ?? Date.now();
  const stats: CleanStats = { bytesRead: 0, bytesWritten: 0, recordsRemoved: 0, segmentsReplaced: 0 };
  if (!isCompacted(log.logConfig)) return stats;
  const state = readCleanerState(log.dir);
  const { cleanableEnd } = cleanability(log, state, now);
  const segments = log.sealedSegments().filter((s) => s.nextOffset > log.logStartOffset && s.nextOffset <= cleanableEnd);
  if (segments.length === 0) return stats;
  const firstDirty = Math.max(state.firstDirtyOffset, log.logStartOffset);

  const scan = await scanKeys(segments, firstDirty);
  const retentionMs = log.logConfig.deleteRetentionMs ?? 24 * 3600 * 1000;
  let tombstonesDueAt: number | null = null;
  const decide: RecordFilter = (r) => {
    if (r.key === null) return false; // Kafka drops keyless records from compacted logs
    if ((scan.latest.get(r.key.toString('latin1')) ?? -1) > r.offset) return false;
    if (r.value !== null) return true;
    const cleanedAt = firstCleanedAt(state, r.offset) ?? now;
    if (cleanedAt + retentionMs <= now) return false;
    tombstonesDueAt = Math.min(tombstonesDueAt ?? Infinity, cleanedAt + retentionMs);
    return true;
  };

  for (const group of groupSegments(segments, log.logConfig.segmentBytes)) {
    if (!log.isOpen) return stats;
    const outcome = await cleanGroup(log, group, decide, scan.lastBatchOf, stats, options.swapHook);
    // The log moved on (retention, DeleteRecords): keep the checkpoint, the next pass starts over.
    if (outcome === 'aborted') return stats;
  }
  if (!log.isOpen) return stats;
  writeCleanerState(log.dir, {
    firstDirtyOffset: cleanableEnd,
    passes: recordPass(state, cleanableEnd, now, retentionMs),
    tombstonesDueAt,
  });
  return stats;
}

type RecordFilter = (r: DecodedRecord) => boolean;

interface KeyScan {
  /** Each key's latest offset in the dirty part (keys as latin1 strings: one char per byte). */
  latest: Map<string, number>;
  /** Each producer's last batch (base offset) in the cleaned range. */
  lastBatchOf: Map<number, number>;
}

async function scanKeys(segments: LogSegment[], firstDirty: number): Promise<KeyScan> {
  const latest = new Map<string, number>();
  const lastBatchOf = new Map<number, number>();
  for (const seg of segments) {
    await forEachBatch(seg, async (batch) => {
      if (batch.producerId >= 0) lastBatchOf.set(batch.producerId, batch.baseOffset);
      if (batch.isControl || batch.isTransactional || batch.lastOffset < firstDirty) return;
      for (const r of await decodeRecordsAsync(batch.buf, batch.offset)) {
        if (r.key !== null && r.offset >= firstDirty) latest.set(r.key.toString('latin1'), r.offset);
      }
    });
  }
  return { latest, lastBatchOf };
}

/** Consecutive segments whose total stays within one segment's size and offset range. */
function groupSegments(segments: LogSegment[], segmentBytes: number): LogSegment[][] {
  const limit = Math.min(segmentBytes, MAX_SEGMENT_BYTES);
  const groups: LogSegment[][] = [];
  let current: LogSegment[] = [];
  let bytes = 0;
  for (const seg of segments) {
    const fits = current.length > 0 && bytes + seg.size <= limit && seg.nextOffset - 1 - current[0].baseOffset <= MAX_OFFSET_SPAN;
    if (!fits && current.length > 0) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(seg);
    bytes += seg.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

async function cleanGroup(
  log: PartitionLog,
  group: LogSegment[],
  keep: RecordFilter,
  lastBatchOf: Map<number, number>,
  stats: CleanStats,
  swapHook?: SwapHook,
): Promise<'swapped' | 'unchanged' | 'aborted'> {
  const staging = freshStagingDir(log.dir);
  const cleaned = LogSegment.create(staging, group[0].baseOffset, log.logConfig.indexIntervalBytes, silentLogger);
  let changed = group.length > 1;
  let read = 0;
  try {
    for (const seg of group) {
      read += seg.size;
      await forEachBatch(seg, async (batch) => {
        const { out, rewritten } = await filterBatch(batch, keep, lastBatchOf.get(batch.producerId) === batch.baseOffset, stats);
        if (rewritten) changed = true;
        if (out !== null) cleaned.append(Buffer.from(out));
      });
    }
    if (!changed) {
      cleaned.release(true);
      abandonStaging(log.dir);
      return 'unchanged';
    }
    cleaned.seal();
    cleaned.flush();
    const written = cleaned.size;
    cleaned.release(true);
    if (!log.replaceSegments(group, swapHook)) {
      abandonStaging(log.dir);
      return 'aborted';
    }
    stats.bytesRead += read;
    stats.bytesWritten += written;
    stats.segmentsReplaced += group.length;
    return 'swapped';
  } catch (err) {
    cleaned.release(true);
    if (!log.isOpen) return 'aborted'; // deleted or closed under our feet: nothing to keep
    abandonStaging(log.dir);
    throw err;
  }
}

/**
 * The batch as it should be stored after cleaning: the same bytes when every record stays, a
 * rewrite in the batch's own codec when some go, an empty batch when none stay but it is its
 * producer's last (its sequence must survive), or null.
 */
async function filterBatch(
  batch: RecordBatchHeader,
  keep: RecordFilter,
  producersLast: boolean,
  stats: CleanStats,
): Promise<{ out: Buffer | null; rewritten: boolean }> {
  if (batch.isControl || batch.isTransactional) return { out: batch.bytes(), rewritten: false };
  const records = await decodeRecordsAsync(batch.buf, batch.offset);
  const kept = records.filter(keep);
  stats.recordsRemoved += records.length - kept.length;
  if (kept.length === records.length) return { out: batch.bytes(), rewritten: false };
  if (kept.length === 0 && !(producersLast && batch.producerId >= 0)) return { out: null, rewritten: true };
  return { out: await rewriteBatch(batch, kept, codecName(batch.compression)), rewritten: true };
}

/** Every batch of a sealed segment, read a slice at a time with the event loop free between slices. */
async function forEachBatch(seg: LogSegment, visit: (batch: RecordBatchHeader) => Promise<void>): Promise<void> {
  let position = 0;
  try {
    while (position < seg.size) {
      const { data } = seg.readBatches(position, READ_SLICE, true);
      if (data.length === 0) break;
      for (const batch of iterateBatches(data)) await visit(batch);
      position += data.length;
      await yieldToEventLoop();
    }
  } finally {
    seg.release(false);
  }
}

const silentLogger = { info: () => {}, warn: () => {} };
