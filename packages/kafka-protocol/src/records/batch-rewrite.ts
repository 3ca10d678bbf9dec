import { RecordBatchHeader } from './batch-header.js';
import { codecCode, compressAsync, type CodecName } from './codecs.js';
import { assembleBatch, encodeRecordsSection } from './record-batch-builder.js';
import type { DecodedRecord } from './record-decoder.js';

/**
 * Writes `records` (a subset of `original`'s, in order) as a new batch in `codec`, as Kafka's log
 * cleaner and recompression do: base offset, last offset delta, producer id/epoch, base sequence,
 * partition leader epoch and the transactional/control/timestamp-type bits stay those of the
 * original, so offsets and producer sequences are unchanged. With no records left the batch stays
 * as a header alone (an empty batch keeps a producer's last sequence in the log).
 */
export async function rewriteBatch(original: RecordBatchHeader, records: DecodedRecord[], codec: CodecName): Promise<Buffer> {
  const logAppendTime = original.timestampType === 'log-append-time';
  const section = encodeRecordsSection(
    records.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp, offsetDelta: r.offsetDelta })),
    original.baseTimestamp,
  );
  const body = records.length === 0 ? Buffer.alloc(0) : await compressAsync(section.plain, codec);
  return assembleBatch(body, {
    baseOffset: original.baseOffset,
    partitionLeaderEpoch: original.partitionLeaderEpoch,
    compressionCode: records.length === 0 ? 0 : codecCode(codec),
    timestampType: original.timestampType,
    transactional: original.isTransactional,
    control: original.isControl,
    producerId: original.producerId,
    producerEpoch: original.producerEpoch,
    baseSequence: original.baseSequence,
    baseTimestamp: records.length === 0 ? original.baseTimestamp : section.baseTimestamp,
    // LogAppendTime batches carry their time in maxTimestamp alone: keep it.
    maxTimestamp: logAppendTime || records.length === 0 ? original.maxTimestamp : section.maxTimestamp,
    lastOffsetDelta: original.lastOffsetDelta,
    recordCount: records.length,
  });
}
