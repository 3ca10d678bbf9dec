import { BatchOffsets, computeBatchCrc, LOG_OVERHEAD, TIMESTAMP_TYPE_BIT, writeInt64 } from '@sluice/kafka-protocol';

/**
 * Stamps a batch with the broker's clock for topics with message.timestamp.type=LogAppendTime:
 * sets the timestamp-type bit and maxTimestamp, which the CRC covers, so the CRC is recomputed.
 */
export function setLogAppendTime(buf: Buffer, pos: number, now: number): void {
  const attributes = buf.readInt16BE(pos + BatchOffsets.attributes);
  buf.writeInt16BE(attributes | TIMESTAMP_TYPE_BIT, pos + BatchOffsets.attributes);
  writeInt64(buf, pos + BatchOffsets.maxTimestamp, now);
  const size = LOG_OVERHEAD + buf.readInt32BE(pos + BatchOffsets.batchLength);
  buf.writeUInt32BE(computeBatchCrc(buf, pos, size), pos + BatchOffsets.crc);
}
