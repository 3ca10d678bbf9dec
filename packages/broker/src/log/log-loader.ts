import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { offsetField, readCheckpoint, writeCheckpoint } from './checkpoint.js';
import type { LogConfig } from './config.js';
import {
  LOG_START_CHECKPOINT,
  LOG_SUFFIX,
  OFFSET_INDEX_SUFFIX,
  RECOVERY_CHECKPOINT,
  TIME_INDEX_SUFFIX,
  parseSegmentFileName,
} from './file-names.js';
import { finishInterruptedSwap } from './cleaner/segment-swap.js';
import { LogSegment, type SegmentLogger } from './segment.js';
import { recoverSegment } from './segment-recovery.js';

export interface LoadedLog {
  segments: LogSegment[];
  logStartOffset: number;
}

/**
 * Opens a partition directory and brings it to a consistent state:
 * - after a clean close (recovery checkpoint says so), trusts the files and only re-validates the
 *   active segment from its last index entry;
 * - otherwise validates every segment from the one holding the last recovery point (the offset
 *   up to which everything was fsynced), truncating at the first bad batch and dropping any later
 *   segments, and rebuilds their indexes.
 * Then records that the log is open (a crash from here on means recovery next time).
 */
export function loadLog(dir: string, config: LogConfig, logger: SegmentLogger): LoadedLog {
  mkdirSync(dir, { recursive: true });
  finishInterruptedSwap(dir, (msg) => logger.warn(msg));
  const names = readdirSync(dir);
  const bases = names
    .map((n) => parseSegmentFileName(n, LOG_SUFFIX))
    .filter((b): b is number => b !== null)
    .sort((a, b) => a - b);
  removeStrays(dir, names, new Set(bases));

  const savedStart = offsetField(readCheckpoint(join(dir, LOG_START_CHECKPOINT)), 'logStartOffset');
  const recovery = readCheckpoint(join(dir, RECOVERY_CHECKPOINT));
  const clean = recovery?.cleanShutdown === true;
  const recoveryPoint = offsetField(recovery, 'recoveryPoint') ?? 0;

  let segments = bases.map((b) => LogSegment.existing(dir, b, config.indexIntervalBytes, logger));
  if (segments.length === 0) segments = [LogSegment.create(dir, savedStart ?? 0, config.indexIntervalBytes, logger)];

  // Everything before the first segment that needs validating is trusted.
  let firstToCheck = segments.length - 1;
  if (!clean) {
    firstToCheck = 0;
    for (let i = 0; i < segments.length; i++) if (segments[i].baseOffset <= recoveryPoint) firstToCheck = i;
  }
  for (let i = 0; i < firstToCheck; i++) {
    segments[i].ensureIndexes();
    segments[i].nextOffset = segments[i + 1].baseOffset;
    segments[i].release(false);
  }
  for (let i = firstToCheck; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    const resume = clean && last && seg.tryLoadIndexes();
    const result = recoverSegment(seg, resume);
    if (result.problem !== null) {
      const dropped = segments.slice(i + 1);
      logger.warn(
        `recovered ${seg.logPath}: truncated ${result.truncatedBytes} byte(s) at offset ${seg.nextOffset} (${result.problem})` +
          (dropped.length > 0 ? `; removed ${dropped.length} later segment(s) from offset ${dropped[0].baseOffset}` : ''),
      );
      for (const d of dropped) d.delete();
      segments = segments.slice(0, i + 1);
      break;
    }
    if (!last) {
      seg.nextOffset = Math.max(seg.nextOffset, segments[i + 1].baseOffset);
      seg.seal();
      seg.flush(); // validated, so made durable before the recovery point moves past it
      seg.release(false);
    }
  }

  let active = segments[segments.length - 1];
  let logStartOffset = Math.max(savedStart ?? 0, segments[0].baseOffset);
  if (logStartOffset > active.nextOffset) {
    // Data below the log start offset is gone (deleted or lost): start empty where the log starts.
    logger.warn(`log in ${dir} ends at ${active.nextOffset}, below its start offset ${logStartOffset}: starting empty there`);
    for (const s of segments) s.delete();
    active = LogSegment.create(dir, logStartOffset, config.indexIntervalBytes, logger);
    segments = [active];
  }
  // Segments wholly below the start offset (a crash between DeleteRecords' checkpoint and deletion).
  while (segments.length > 1 && segments[1].baseOffset <= logStartOffset) segments.shift()!.delete();

  // A brand-new partition holds nothing to lose: no fsync, so creating thousands stays quick.
  const durable = names.length > 0;
  if (durable) active.flush();
  writeCheckpoint(join(dir, LOG_START_CHECKPOINT), { logStartOffset }, durable);
  writeCheckpoint(join(dir, RECOVERY_CHECKPOINT), { recoveryPoint: active.nextOffset, cleanShutdown: false }, durable);
  return { segments, logStartOffset };
}

/** Index files without their log, and temporary files of interrupted checkpoint writes. */
function removeStrays(dir: string, names: string[], bases: Set<number>): void {
  for (const name of names) {
    const base = parseSegmentFileName(name, OFFSET_INDEX_SUFFIX) ?? parseSegmentFileName(name, TIME_INDEX_SUFFIX);
    if ((base !== null && !bases.has(base)) || name.endsWith('.tmp')) unlinkSync(join(dir, name));
  }
}
