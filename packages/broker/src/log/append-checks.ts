import { BATCH_HEADER_SIZE, BatchOffsets, CURRENT_MAGIC, LOG_OVERHEAD } from '@sluice/kafka-protocol';
import { InvalidBatchesError } from './errors.js';

/**
 * Checks that `batches` is a sequence of whole v2 batches (headers only; CRCs are the caller's)
 * and returns the number of records.
 */
export function checkBatches(batches: Buffer): number {
  if (batches.length === 0) throw new InvalidBatchesError('append needs at least one record batch');
  let records = 0;
  for (let pos = 0; pos < batches.length; ) {
    const left = batches.length - pos;
    if (left < BATCH_HEADER_SIZE) throw new InvalidBatchesError(`append: ${left} byte(s) at ${pos} are not a whole record batch`);
    const magic = batches.readInt8(pos + BatchOffsets.magic);
    if (magic !== CURRENT_MAGIC) throw new InvalidBatchesError(`append: batch at ${pos} has magic ${magic}; only v2 batches are stored`);
    const size = LOG_OVERHEAD + batches.readInt32BE(pos + BatchOffsets.batchLength);
    if (size < BATCH_HEADER_SIZE || size > left) {
      throw new InvalidBatchesError(`append: batch at ${pos} declares ${size} bytes but ${left} remain`);
    }
    const lastDelta = batches.readInt32BE(pos + BatchOffsets.lastOffsetDelta);
    const count = batches.readInt32BE(pos + BatchOffsets.recordCount);
    if (lastDelta < 0 || count < 0) throw new InvalidBatchesError(`append: batch at ${pos} has negative lastOffsetDelta or record count`);
    records += count;
    pos += size;
  }
  return records;
}
