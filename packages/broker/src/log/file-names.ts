import { join } from 'node:path';

export const LOG_SUFFIX = '.log';
export const OFFSET_INDEX_SUFFIX = '.index';
export const TIME_INDEX_SUFFIX = '.timeindex';
export const LOG_START_CHECKPOINT = 'log-start-offset.checkpoint';
export const RECOVERY_CHECKPOINT = 'recovery-point.checkpoint';

/** Kafka's naming: the segment's base offset, zero-padded to 20 digits, so names sort by offset. */
export function segmentPath(dir: string, baseOffset: number, suffix: string): string {
  return join(dir, String(baseOffset).padStart(20, '0') + suffix);
}

/** The base offset a segment file is named after, or null for any other file. */
export function parseSegmentFileName(name: string, suffix: string): number | null {
  if (!name.endsWith(suffix)) return null;
  const digits = name.slice(0, -suffix.length);
  if (!/^\d{20}$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
