import { decodeRecordsAsync, iterateBatches, RecordFormatError } from '@sluice/kafka-protocol';
import type { PartitionLog } from './partition-log.js';

/**
 * ListOffsets by timestamp at record precision, as Kafka answers it: the time index finds the
 * first batch whose max timestamp reaches `timestamp`; inside it (decompressed if need be) the
 * first record at or after the log start whose own timestamp reaches it. Null when every record
 * is older.
 */
export async function recordOffsetForTimestamp(log: PartitionLog, timestamp: number): Promise<{ offset: number; timestamp: number } | null> {
  let from = log.offsetForTimestamp(timestamp);
  while (from !== null && from < log.logEndOffset) {
    const { chunks } = log.read(from, 1, true);
    const data = chunks[0];
    const batch = data ? iterateBatches(data).next().value : undefined;
    if (!data || !batch) return null;
    try {
      for (const r of await decodeRecordsAsync(data, batch.offset)) {
        if (r.offset >= Math.max(from, log.logStartOffset) && r.timestamp >= timestamp) return { offset: r.offset, timestamp: r.timestamp };
      }
    } catch (err) {
      if (!(err instanceof RecordFormatError)) throw err;
      return { offset: Math.max(batch.baseOffset, from), timestamp: batch.maxTimestamp };
    }
    // Compaction may have emptied the batch: the answer is in a later one.
    from = nextAfter(log, batch.lastOffset + 1, timestamp);
  }
  return null;
}

/** The next batch at or after `offset` whose max timestamp reaches `timestamp`. */
function nextAfter(log: PartitionLog, offset: number, timestamp: number): number | null {
  while (offset < log.logEndOffset) {
    const { chunks } = log.read(offset, 1, true);
    const batch = chunks[0] ? iterateBatches(chunks[0]).next().value : undefined;
    if (!batch) return null;
    if (batch.maxTimestamp >= timestamp) return Math.max(batch.baseOffset, offset);
    offset = batch.lastOffset + 1;
  }
  return null;
}
