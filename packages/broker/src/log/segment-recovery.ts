import { BATCH_HEADER_SIZE, BatchOffsets, CURRENT_MAGIC, LOG_OVERHEAD, crc32c, readInt64 } from '@sluice/kafka-protocol';
import type { BatchPosition, LogSegment } from './segment.js';
import { WindowedReader } from './segment-reader.js';

/** Large enough that typical batches are checksummed in one piece, small enough to stay cheap. */
const RECOVERY_WINDOW = 1024 * 1024;
const MAX_RELATIVE_OFFSET = 0x7fff_ffff;

export interface RecoveryResult {
  /** Bytes dropped from the end of the file (0 when it was intact). */
  truncatedBytes: number;
  /** What was wrong at the cut, or null. */
  problem: string | null;
}

/**
 * Validates a segment's batches (magic, length, offsets, CRC-32C) from the start, or with `resume`
 * from its last indexed batch (indexes already loaded), tracking each good one so the indexes and
 * offsets are rebuilt; cuts the file at the first bad or incomplete batch. Never throws on
 * damaged content.
 */
export function recoverSegment(segment: LogSegment, resume: boolean): RecoveryResult {
  const fileSize = segment.size;
  const reader = new WindowedReader(segment.handle(), fileSize, RECOVERY_WINDOW);
  let position = 0;
  if (resume && segment.lastIndexedPosition > 0) {
    position = segment.lastIndexedPosition;
    const first = reader.view(0, BATCH_HEADER_SIZE);
    segment.prepareResume(first.available === BATCH_HEADER_SIZE ? readInt64(first.buf, first.at + BatchOffsets.maxTimestamp) : -1);
  } else {
    segment.resetTracking();
  }
  let minOffset = segment.baseOffset;
  let problem: string | null = null;
  while (position < fileSize) {
    const checked = checkBatch(reader, position, fileSize, minOffset, segment.baseOffset);
    if (typeof checked === 'string') {
      problem = checked;
      break;
    }
    segment.track(checked);
    minOffset = checked.lastOffset + 1;
    position += checked.size;
  }
  if (position < fileSize) segment.truncateTo(position);
  return { truncatedBytes: fileSize - position, problem };
}

/** The batch at `position` if it is intact, else why not. */
function checkBatch(reader: WindowedReader, position: number, fileSize: number, minOffset: number, segmentBase: number): BatchPosition | string {
  const remaining = fileSize - position;
  if (remaining < BATCH_HEADER_SIZE) return `incomplete batch header (${remaining} bytes)`;
  const { buf, at } = reader.view(position, BATCH_HEADER_SIZE);
  const magic = buf.readInt8(at + BatchOffsets.magic);
  if (magic !== CURRENT_MAGIC) return `magic byte ${magic} where a v2 batch must have 2`;
  const batchLength = buf.readInt32BE(at + BatchOffsets.batchLength);
  if (batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD) return `impossible batch length ${batchLength}`;
  const size = LOG_OVERHEAD + batchLength;
  if (size > remaining) return `incomplete batch (${remaining} of ${size} bytes)`;
  const baseOffset = readInt64(buf, at);
  const lastOffsetDelta = buf.readInt32BE(at + BatchOffsets.lastOffsetDelta);
  const recordCount = buf.readInt32BE(at + BatchOffsets.recordCount);
  if (lastOffsetDelta < 0 || recordCount < 0) return `impossible lastOffsetDelta ${lastOffsetDelta} / recordCount ${recordCount}`;
  if (baseOffset < minOffset) return `offset ${baseOffset} where at least ${minOffset} was expected`;
  const lastOffset = baseOffset + lastOffsetDelta;
  if (lastOffset - segmentBase > MAX_RELATIVE_OFFSET) return `offset ${lastOffset} too far past the segment base ${segmentBase}`;
  const storedCrc = buf.readUInt32BE(at + BatchOffsets.crc);
  const maxTimestamp = readInt64(buf, at + BatchOffsets.maxTimestamp);
  // Checksum window by window, so a huge (or garbage) length never means one huge allocation.
  let crc = 0;
  const end = position + size;
  for (let p = position + BatchOffsets.attributes; p < end; ) {
    const v = reader.view(p, Math.min(RECOVERY_WINDOW, end - p));
    if (v.available === 0) return `unreadable bytes at position ${p}`;
    crc = crc32c(v.buf.subarray(v.at, v.at + v.available), crc);
    p += v.available;
  }
  if (crc !== storedCrc) return `CRC-32C mismatch in the batch at offset ${baseOffset}`;
  return { position, size, baseOffset, lastOffset, maxTimestamp };
}
