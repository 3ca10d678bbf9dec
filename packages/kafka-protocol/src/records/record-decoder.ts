import { BATCH_HEADER_SIZE, RecordBatchHeader } from './batch-header.js';
import { codecName, decompressAsync } from './codecs.js';
import { decompressRecords } from './compression.js';
import type { RecordHeader } from './record-batch-builder.js';
import { RecordCursor, RecordFormatError } from './varint.js';

export interface DecodedRecord {
  offset: number;
  offsetDelta: number;
  /** CreateTime from the record, or the batch's maxTimestamp for LogAppendTime batches. */
  timestamp: number;
  /** Views into the batch (or its inflated records section), not copies. */
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

/**
 * Decodes every record of the (complete) batch at `pos`. Throws RecordFormatError on malformed
 * data or on a codec other than none/gzip. Does not check the CRC: call validateBatch first for
 * untrusted bytes.
 */
export function decodeRecords(buf: Buffer, pos = 0): DecodedRecord[] {
  const { header, end } = completeBatch(buf, pos);
  return parseRecords(header, decompressRecords(buf.subarray(pos + BATCH_HEADER_SIZE, end), header.compression));
}

/** decodeRecords for batches in any codec (gzip, snappy, lz4, zstd), inflated off the event loop. */
export async function decodeRecordsAsync(buf: Buffer, pos = 0): Promise<DecodedRecord[]> {
  const { header, end } = completeBatch(buf, pos);
  codecName(header.compression); // an unknown codec is a format error before any work
  return parseRecords(header, await decompressAsync(buf.subarray(pos + BATCH_HEADER_SIZE, end), header.compression));
}

function completeBatch(buf: Buffer, pos: number): { header: RecordBatchHeader; end: number } {
  const header = new RecordBatchHeader(buf, pos);
  const end = pos + header.sizeInBytes;
  if (end > buf.length) throw new RecordFormatError(`batch at byte ${pos} is incomplete (${buf.length - pos} of ${header.sizeInBytes} bytes)`);
  return { header, end };
}

function parseRecords(header: RecordBatchHeader, body: Buffer): DecodedRecord[] {
  const baseOffset = header.baseOffset;
  const baseTimestamp = header.baseTimestamp;
  const appendTime = header.timestampType === 'log-append-time' ? header.maxTimestamp : null;
  const count = header.recordCount;
  const cursor = new RecordCursor(body, 0);
  const records: DecodedRecord[] = [];
  for (let i = 0; i < count; i++) {
    const length = cursor.readVarint();
    const recordEnd = cursor.pos + length;
    if (length < 0 || recordEnd > body.length) {
      throw new RecordFormatError(`record ${i} of batch at offset ${baseOffset} declares length ${length}, beyond the batch`);
    }
    cursor.readInt8(); // record attributes: unused
    const timestampDelta = cursor.readVarlong();
    const offsetDelta = cursor.readVarint();
    const key = cursor.readBytes(cursor.readVarint());
    const value = cursor.readBytes(cursor.readVarint());
    const headerCount = cursor.readVarint();
    if (headerCount < 0 || headerCount > length) {
      throw new RecordFormatError(`record ${i} of batch at offset ${baseOffset} declares ${headerCount} headers`);
    }
    const headers: RecordHeader[] = [];
    for (let h = 0; h < headerCount; h++) {
      const hk = cursor.readBytes(cursor.readVarint());
      if (hk === null) throw new RecordFormatError(`record ${i} of batch at offset ${baseOffset}: header ${h} has a null key`);
      headers.push({ key: hk.toString('utf8'), value: cursor.readBytes(cursor.readVarint()) });
    }
    if (cursor.pos !== recordEnd) {
      throw new RecordFormatError(`record ${i} of batch at offset ${baseOffset} has ${recordEnd - cursor.pos} byte(s) unaccounted for`);
    }
    records.push({
      offset: baseOffset + offsetDelta,
      offsetDelta,
      timestamp: appendTime ?? baseTimestamp + timestampDelta,
      key,
      value,
      headers,
    });
  }
  if (cursor.pos !== body.length) {
    throw new RecordFormatError(`batch at offset ${baseOffset} has ${body.length - cursor.pos} byte(s) after its ${count} records`);
  }
  return records;
}
