import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRecordBatch, decodeRecords, iterateBatches } from '@sluice/kafka-protocol';
import { DEFAULT_LOG_CONFIG, type LogConfig } from '../config.js';
import type { PartitionLog } from '../partition-log.js';

/** Helpers for the log's tests and the crash-test child process. */

export function tempDir(prefix = 'sluice-log-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(overrides: Partial<LogConfig> = {}): LogConfig {
  return { ...DEFAULT_LOG_CONFIG, flushMs: -1, ...overrides };
}

export interface CapturedLogger {
  lines: string[];
  info(msg: string): void;
  warn(msg: string): void;
}

export function captureLogger(): CapturedLogger {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`INFO ${m}`), warn: (m) => lines.push(`WARN ${m}`) };
}

/** A batch of `values` (as the producer would send it: baseOffset 0). */
export function batchOf(values: string[], timestamp = 1_700_000_000_000): Buffer {
  return buildRecordBatch(
    values.map((v, i) => ({ key: null, value: v, timestamp: timestamp + i })),
    { baseOffset: 0 },
  );
}

/** Every record in the log from `from`, decoded, skipping those before `from` in its first batch. */
export function readValues(log: PartitionLog, from = log.logStartOffset): { offset: number; value: string }[] {
  const out: { offset: number; value: string }[] = [];
  let offset = from;
  while (offset < log.logEndOffset) {
    const { chunks } = log.read(offset, 64 * 1024, true);
    const before = offset;
    for (const chunk of chunks) {
      for (const batch of iterateBatches(chunk)) {
        for (const r of decodeRecords(chunk, batch.offset)) {
          if (r.offset >= offset) out.push({ offset: r.offset, value: r.value?.toString() ?? '' });
        }
        offset = batch.lastOffset + 1;
      }
    }
    if (offset === before) throw new Error(`no progress reading at offset ${offset}`);
  }
  return out;
}
