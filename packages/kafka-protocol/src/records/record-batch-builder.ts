import {
  BATCH_HEADER_SIZE,
  BatchOffsets,
  CONTROL_BIT,
  CURRENT_MAGIC,
  LOG_OVERHEAD,
  TIMESTAMP_TYPE_BIT,
  TRANSACTIONAL_BIT,
  computeBatchCrc,
  type TimestampType,
} from './batch-header.js';
import { compressRecords, compressionCode, type BuildCompression } from './compression.js';
import { writeInt64 } from './int64.js';
import { varintSize, varlongSize, writeVarint, writeVarlong } from './varint.js';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface RecordInput {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: { key: string; value: Buffer | string | null }[];
  /** Epoch milliseconds; defaults to the batch's `timestamp` option. */
  timestamp?: number;
  /** Position within the batch; defaults to the record's index. Must increase. */
  offsetDelta?: number;
}

export interface BatchOptions {
  baseOffset?: number;
  partitionLeaderEpoch?: number;
  compression?: BuildCompression;
  timestampType?: TimestampType;
  /** Timestamp for records that carry none; defaults to Date.now(). */
  timestamp?: number;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  transactional?: boolean;
  control?: boolean;
}

interface EncodedRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: Buffer; value: Buffer | null }[];
  timestampDelta: number;
  offsetDelta: number;
  bodySize: number;
}

const toBytes = (v: Buffer | string | null | undefined): Buffer | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? Buffer.from(v) : v;

const bytesFieldSize = (b: Buffer | null): number => (b === null ? varintSize(-1) : varintSize(b.length) + b.length);

function writeBytesField(buf: Buffer, pos: number, b: Buffer | null): number {
  if (b === null) return writeVarint(buf, pos, -1);
  pos = writeVarint(buf, pos, b.length);
  b.copy(buf, pos);
  return pos + b.length;
}

/**
 * Builds one v2 record batch with correct varints and CRC-32C. For tests and for batches the broker
 * writes itself (internal topics, transaction markers); producers' batches are never rebuilt.
 */
export function buildRecordBatch(records: RecordInput[], options: BatchOptions = {}): Buffer {
  if (records.length === 0) throw new RangeError('a record batch needs at least one record');
  const section = encodeRecordsSection(records, options.timestamp ?? Date.now());
  const compression = options.compression ?? 'none';
  return assembleBatch(compressRecords(section.plain, compression), {
    ...options,
    compressionCode: compressionCode(compression),
    baseTimestamp: section.baseTimestamp,
    maxTimestamp: section.maxTimestamp,
    lastOffsetDelta: section.lastOffsetDelta,
    recordCount: records.length,
  });
}

export interface RecordsSection {
  /** The records, uncompressed. */
  plain: Buffer;
  baseTimestamp: number;
  maxTimestamp: number;
  lastOffsetDelta: number;
}

/** Encodes records (offset deltas increasing) as a batch's uncompressed records section. */
export function encodeRecordsSection(records: RecordInput[], defaultTs: number): RecordsSection {
  const baseTimestamp = records[0]?.timestamp ?? defaultTs;
  let maxTimestamp = -1;
  let previousDelta = -1;
  const encoded: EncodedRecord[] = records.map((r, i) => {
    const timestamp = r.timestamp ?? defaultTs;
    maxTimestamp = Math.max(maxTimestamp, timestamp);
    const offsetDelta = r.offsetDelta ?? i;
    if (offsetDelta <= previousDelta) {
      throw new RangeError(`records[${i}].offsetDelta ${offsetDelta} must be greater than the previous record's (${previousDelta})`);
    }
    previousDelta = offsetDelta;
    const rec: EncodedRecord = {
      key: toBytes(r.key),
      value: toBytes(r.value),
      headers: (r.headers ?? []).map((h) => ({ key: Buffer.from(h.key), value: toBytes(h.value) })),
      timestampDelta: timestamp - baseTimestamp,
      offsetDelta,
      bodySize: 0,
    };
    rec.bodySize =
      1 +
      varlongSize(rec.timestampDelta) +
      varintSize(offsetDelta) +
      bytesFieldSize(rec.key) +
      bytesFieldSize(rec.value) +
      varintSize(rec.headers.length) +
      rec.headers.reduce((n, h) => n + bytesFieldSize(h.key) + bytesFieldSize(h.value), 0);
    return rec;
  });

  const recordsSize = encoded.reduce((n, r) => n + varintSize(r.bodySize) + r.bodySize, 0);
  const plain = Buffer.allocUnsafe(recordsSize);
  let pos = 0;
  for (const r of encoded) {
    pos = writeVarint(plain, pos, r.bodySize);
    plain[pos++] = 0; // record attributes: unused
    pos = writeVarlong(plain, pos, r.timestampDelta);
    pos = writeVarint(plain, pos, r.offsetDelta);
    pos = writeBytesField(plain, pos, r.key);
    pos = writeBytesField(plain, pos, r.value);
    pos = writeVarint(plain, pos, r.headers.length);
    for (const h of r.headers) {
      pos = writeBytesField(plain, pos, h.key);
      pos = writeBytesField(plain, pos, h.value);
    }
  }
  return { plain, baseTimestamp, maxTimestamp, lastOffsetDelta: previousDelta };
}

export interface BatchFields extends Omit<BatchOptions, 'compression' | 'timestamp'> {
  compressionCode: number;
  baseTimestamp: number;
  maxTimestamp: number;
  lastOffsetDelta: number;
  recordCount: number;
}

/** Puts a header with a fresh CRC-32C in front of an (already compressed) records section. */
export function assembleBatch(body: Buffer, f: BatchFields): Buffer {
  let attributes = f.compressionCode;
  if (f.timestampType === 'log-append-time') attributes |= TIMESTAMP_TYPE_BIT;
  if (f.transactional) attributes |= TRANSACTIONAL_BIT;
  if (f.control) attributes |= CONTROL_BIT;

  const size = BATCH_HEADER_SIZE + body.length;
  const batch = Buffer.allocUnsafe(size);
  writeInt64(batch, BatchOffsets.baseOffset, f.baseOffset ?? 0);
  batch.writeInt32BE(size - LOG_OVERHEAD, BatchOffsets.batchLength);
  batch.writeInt32BE(f.partitionLeaderEpoch ?? -1, BatchOffsets.partitionLeaderEpoch);
  batch.writeInt8(CURRENT_MAGIC, BatchOffsets.magic);
  batch.writeInt16BE(attributes, BatchOffsets.attributes);
  batch.writeInt32BE(f.lastOffsetDelta, BatchOffsets.lastOffsetDelta);
  writeInt64(batch, BatchOffsets.baseTimestamp, f.baseTimestamp);
  writeInt64(batch, BatchOffsets.maxTimestamp, f.maxTimestamp);
  writeInt64(batch, BatchOffsets.producerId, f.producerId ?? -1);
  batch.writeInt16BE(f.producerEpoch ?? -1, BatchOffsets.producerEpoch);
  batch.writeInt32BE(f.baseSequence ?? -1, BatchOffsets.baseSequence);
  batch.writeInt32BE(f.recordCount, BatchOffsets.recordCount);
  body.copy(batch, BATCH_HEADER_SIZE);
  batch.writeUInt32BE(computeBatchCrc(batch, 0, size), BatchOffsets.crc);
  return batch;
}
