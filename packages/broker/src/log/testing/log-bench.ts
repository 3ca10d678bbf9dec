// Throughput of one PartitionLog, printed as numbers (not a test):
//   node packages/broker/dist/log/testing/log-bench.js [megabytes=512] [recordsPerBatch=9000]
// Appends ~1 MB batches of 100-byte records (as librdkafka sends them), validating each batch's
// CRC as the Produce handler does, then reads everything back in 1 MB fetches.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { buildRecordBatch, iterateBatches, validateBatch } from '@sluice/kafka-protocol';
import { DEFAULT_LOG_CONFIG } from '../config.js';
import { PartitionLog } from '../partition-log.js';
import { tempDir } from './fixtures.js';

const megabytes = Number(process.argv[2] ?? 512);
const value = Buffer.alloc(100, 'x');
const perBatch = Number(process.argv[3] ?? 9000); // 9000: ~1 MB batches of 100-byte values
const template = buildRecordBatch(Array.from({ length: perBatch }, (_, i) => ({ key: null, value, timestamp: 1_700_000_000_000 + i })));
const batches = Math.ceil((megabytes * 1024 * 1024) / template.length);

const tmp = tempDir('sluice-log-bench-');
const log = PartitionLog.open(tmp.dir, { ...DEFAULT_LOG_CONFIG, segmentBytes: 256 * 1024 * 1024 }, { info: () => {}, warn: console.warn });
try {
  const cpu0 = process.cpuUsage();
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < batches; i++) {
    const batch = Buffer.from(template); // a fresh request buffer, as from the network
    if (!validateBatch(batch).ok) throw new Error('bad batch');
    log.append(batch);
    if (i % 16 === 0) await yieldToLoop(); // let the flush timer run, as between requests
  }
  log.flush();
  let secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const records = batches * perBatch;
  const bytes = log.sizeInBytes;
  const cpu1 = process.cpuUsage(cpu0);
  console.log(
    `append: ${records} records, ${(bytes / 1048576).toFixed(0)} MiB in ${secs.toFixed(2)} s = ` +
      `${Math.round(records / secs).toLocaleString()} records/s, ${(bytes / 1048576 / secs).toFixed(0)} MiB/s, ` +
      `CPU ${(((cpu1.user + cpu1.system) / 1e6 / secs) * 100).toFixed(0)}% of one core`,
  );

  const cpu2 = process.cpuUsage();
  t0 = process.hrtime.bigint();
  let offset = 0;
  let readRecords = 0;
  while (offset < log.logEndOffset) {
    const { chunks } = log.read(offset, 1024 * 1024, true);
    for (const chunk of chunks) {
      for (const h of iterateBatches(chunk)) {
        readRecords += h.recordCount;
        offset = h.lastOffset + 1;
      }
    }
  }
  secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu3 = process.cpuUsage(cpu2);
  console.log(
    `read:   ${readRecords} records in ${secs.toFixed(2)} s = ${Math.round(readRecords / secs).toLocaleString()} records/s, ` +
      `${(bytes / 1048576 / secs).toFixed(0)} MiB/s, CPU ${(((cpu3.user + cpu3.system) / 1e6 / secs) * 100).toFixed(0)}% of one core`,
  );
} finally {
  log.close();
  tmp.cleanup();
}
