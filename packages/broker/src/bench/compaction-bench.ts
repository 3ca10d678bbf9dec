// The log cleaner's rate: a partition log of keyed 100-byte records (many versions per key) in
// 4 MiB segments, cleaned in one pass by the same code the broker's background cleaner runs.
// MB/s counts the bytes of the segments read and rewritten; once uncompressed, once with gzip
// batches (decompressed, filtered and compressed again).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRecordBatch, type BuildCompression } from '@sluice/kafka-protocol';
import { DEFAULT_LOG_CONFIG, PartitionLog, cleanLog } from '../log/index.js';

const RECORDS_PER_BATCH = 100;
const KEYS = 10_000;

export interface CompactionRow {
  what: string;
  megabytes: number;
  seconds: number;
  recordsRemoved: number;
}

export async function compactionBench(records = 400_000): Promise<CompactionRow[]> {
  const rows: CompactionRow[] = [];
  for (const compression of ['none', 'gzip'] as BuildCompression[]) {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-compaction-bench-'));
    const log = PartitionLog.open(dir, { ...DEFAULT_LOG_CONFIG, cleanupPolicy: 'compact', segmentBytes: 4 * 1024 * 1024, flushMs: -1 }, { info() {}, warn() {} });
    try {
      const ts = Date.now() - 60_000;
      const value = 'v'.repeat(90);
      for (let i = 0; i < records; i += RECORDS_PER_BATCH) {
        const batch = Array.from({ length: RECORDS_PER_BATCH }, (_, j) => ({ key: `key-${(i + j) % KEYS}`, value, timestamp: ts }));
        log.append(buildRecordBatch(batch, { compression }));
      }
      log.append(buildRecordBatch([{ key: 'roll', value: 'x'.repeat(4 * 1024 * 1024) }], { timestamp: ts })); // seal the rest
      const t0 = process.hrtime.bigint();
      const stats = await cleanLog(log, { now: Date.now() });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      rows.push({ what: `compaction (${compression === 'none' ? 'uncompressed' : 'gzip batches'})`, megabytes: stats.bytesRead / 1e6, seconds, recordsRemoved: stats.recordsRemoved });
    } finally {
      log.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

export function printCompaction(rows: CompactionRow[]): void {
  console.log('\nlog cleaner          MB read    seconds      MB/s   records removed');
  for (const r of rows) {
    console.log(
      `${r.what.padEnd(20)} ${r.megabytes.toFixed(1).padStart(8)} ${r.seconds.toFixed(2).padStart(10)} ${(r.megabytes / r.seconds).toFixed(1).padStart(9)}   ${r.recordsRemoved.toLocaleString('en-US')}`,
    );
  }
}

if (process.argv[1]?.endsWith('compaction-bench.js')) {
  compactionBench().then(printCompaction, (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
