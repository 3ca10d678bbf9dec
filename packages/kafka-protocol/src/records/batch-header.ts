import { crc32c } from './crc32c.js';
import { readInt64, writeInt64 } from './int64.js';

/*
 * Record batch v2 header (all big-endian), as laid out in Kafka's DefaultRecordBatch:
 *   0 baseOffset int64 | 8 batchLength int32 | 12 partitionLeaderEpoch int32 | 16 magic int8
 *   17 crc uint32 | 21 attributes int16 | 23 lastOffsetDelta int32 | 27 baseTimestamp int64
 *   35 maxTimestamp int64 | 43 producerId int64 | 51 producerEpoch int16 | 53 baseSequence int32
 *   57 recordCount int32 | 61 records…
 * batchLength counts the bytes after itself, so a batch occupies 12 + batchLength bytes.
 */
export const BatchOffsets = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordCount: 57,
} as const;

/** baseOffset + batchLength: the bytes that precede what batchLength counts. */
export const LOG_OVERHEAD = 12;
/** Size of the fixed v2 header; records start here. */
export const BATCH_HEADER_SIZE = 61;
export const CURRENT_MAGIC = 2;

/** Attribute bits. */
export const COMPRESSION_MASK = 0x07;
export const TIMESTAMP_TYPE_BIT = 0x08;
export const TRANSACTIONAL_BIT = 0x10;
export const CONTROL_BIT = 0x20;

export const CompressionType = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export type CompressionCode = (typeof CompressionType)[keyof typeof CompressionType];
export type TimestampType = 'create-time' | 'log-append-time';

/**
 * A zero-copy view of the batch header at `offset` in `buf`. Getters read on demand, so a view is
 * as cheap as the fields actually used. Callers must have checked that the header is complete
 * (see validateBatch / iterateBatches).
 */
export class RecordBatchHeader {
  constructor(
    readonly buf: Buffer,
    readonly offset: number = 0,
  ) {}

  get baseOffset(): number {
    return readInt64(this.buf, this.offset);
  }
  get batchLength(): number {
    return this.buf.readInt32BE(this.offset + BatchOffsets.batchLength);
  }
  /** Bytes the whole batch occupies, header included. */
  get sizeInBytes(): number {
    return LOG_OVERHEAD + this.batchLength;
  }
  get partitionLeaderEpoch(): number {
    return this.buf.readInt32BE(this.offset + BatchOffsets.partitionLeaderEpoch);
  }
  get magic(): number {
    return this.buf.readInt8(this.offset + BatchOffsets.magic);
  }
  get crc(): number {
    return this.buf.readUInt32BE(this.offset + BatchOffsets.crc);
  }
  get attributes(): number {
    return this.buf.readInt16BE(this.offset + BatchOffsets.attributes);
  }
  get compression(): number {
    return this.attributes & COMPRESSION_MASK;
  }
  get timestampType(): TimestampType {
    return this.attributes & TIMESTAMP_TYPE_BIT ? 'log-append-time' : 'create-time';
  }
  get isTransactional(): boolean {
    return (this.attributes & TRANSACTIONAL_BIT) !== 0;
  }
  get isControl(): boolean {
    return (this.attributes & CONTROL_BIT) !== 0;
  }
  get lastOffsetDelta(): number {
    return this.buf.readInt32BE(this.offset + BatchOffsets.lastOffsetDelta);
  }
  /** Offset of the last record: baseOffset + lastOffsetDelta. */
  get lastOffset(): number {
    return this.baseOffset + this.lastOffsetDelta;
  }
  get baseTimestamp(): number {
    return readInt64(this.buf, this.offset + BatchOffsets.baseTimestamp);
  }
  get maxTimestamp(): number {
    return readInt64(this.buf, this.offset + BatchOffsets.maxTimestamp);
  }
  get producerId(): number {
    return readInt64(this.buf, this.offset + BatchOffsets.producerId);
  }
  get producerEpoch(): number {
    return this.buf.readInt16BE(this.offset + BatchOffsets.producerEpoch);
  }
  get baseSequence(): number {
    return this.buf.readInt32BE(this.offset + BatchOffsets.baseSequence);
  }
  get recordCount(): number {
    return this.buf.readInt32BE(this.offset + BatchOffsets.recordCount);
  }
  /** The whole batch as a view (no copy). */
  bytes(): Buffer {
    return this.buf.subarray(this.offset, this.offset + this.sizeInBytes);
  }
}

/** Rewrites baseOffset in place. Not covered by the CRC, so the checksum stays valid. */
export function setBaseOffset(buf: Buffer, batchOffset: number, baseOffset: number): void {
  writeInt64(buf, batchOffset + BatchOffsets.baseOffset, baseOffset);
}

/** Rewrites partitionLeaderEpoch in place. Not covered by the CRC either. */
export function setPartitionLeaderEpoch(buf: Buffer, batchOffset: number, epoch: number): void {
  buf.writeInt32BE(epoch, batchOffset + BatchOffsets.partitionLeaderEpoch);
}

/** CRC-32C over attributes … end of batch, as stored in the crc field. */
export function computeBatchCrc(buf: Buffer, batchOffset: number, size: number): number {
  return crc32c(buf.subarray(batchOffset + BatchOffsets.attributes, batchOffset + size));
}

/**
 * Why a batch was rejected:
 * - truncated: the buffer ends before the batch does (a partial tail; normal at the end of a Fetch)
 * - unsupported-magic: not a v2 batch (magic 0/1 message sets: answer UNSUPPORTED_FOR_MESSAGE_FORMAT)
 * - invalid-length: batchLength is too small to hold a v2 header
 * - invalid-header: negative lastOffsetDelta or recordCount
 * - corrupt-crc: the stored CRC does not match the bytes (answer CORRUPT_MESSAGE)
 */
export type BatchProblem = 'truncated' | 'unsupported-magic' | 'invalid-length' | 'invalid-header' | 'corrupt-crc';

export type BatchValidation =
  | { ok: true; size: number; header: RecordBatchHeader }
  | { ok: false; problem: BatchProblem; message: string; magic?: number };

/**
 * Checks the batch at `pos` (ending no later than `end`): magic 2, a sane length that fits, sane
 * counts, and the CRC-32C. Reads only the header and checksums the rest; never throws.
 */
export function validateBatch(buf: Buffer, pos = 0, end = buf.length): BatchValidation {
  const available = end - pos;
  if (available < BatchOffsets.magic + 1) {
    return { ok: false, problem: 'truncated', message: `batch at byte ${pos} is cut short: ${available} byte(s) of header` };
  }
  const magic = buf.readInt8(pos + BatchOffsets.magic);
  if (magic !== CURRENT_MAGIC) {
    return {
      ok: false,
      problem: 'unsupported-magic',
      magic,
      message: `batch at byte ${pos} has magic ${magic}; only record batch v2 (magic 2) is supported`,
    };
  }
  const batchLength = buf.readInt32BE(pos + BatchOffsets.batchLength);
  if (batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD) {
    return { ok: false, problem: 'invalid-length', message: `batch at byte ${pos} declares length ${batchLength}, below the v2 header size` };
  }
  const size = LOG_OVERHEAD + batchLength;
  if (size > available) {
    return { ok: false, problem: 'truncated', message: `batch at byte ${pos} needs ${size} bytes but only ${available} remain` };
  }
  const header = new RecordBatchHeader(buf, pos);
  if (header.lastOffsetDelta < 0 || header.recordCount < 0) {
    return {
      ok: false,
      problem: 'invalid-header',
      message: `batch at byte ${pos} has lastOffsetDelta ${header.lastOffsetDelta} and recordCount ${header.recordCount}`,
    };
  }
  const actual = computeBatchCrc(buf, pos, size);
  if (actual !== header.crc) {
    return {
      ok: false,
      problem: 'corrupt-crc',
      message: `batch at byte ${pos} fails its CRC-32C check (stored ${hex(header.crc)}, computed ${hex(actual)})`,
    };
  }
  return { ok: true, size, header };
}

/**
 * The complete batches in `buf[start, end)`, in order. Stops cleanly at a partial trailing batch
 * (or at bytes that cannot be a v2 batch length); the last yielded batch's offset + sizeInBytes
 * tells where. Headers are not CRC-checked here: use validateBatch for untrusted input.
 */
export function* iterateBatches(buf: Buffer, start = 0, end = buf.length): Generator<RecordBatchHeader> {
  let pos = start;
  while (end - pos >= BATCH_HEADER_SIZE) {
    const batchLength = buf.readInt32BE(pos + BatchOffsets.batchLength);
    if (batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD) return;
    const size = LOG_OVERHEAD + batchLength;
    if (size > end - pos) return;
    yield new RecordBatchHeader(buf, pos);
    pos += size;
  }
}

function hex(n: number): string {
  return '0x' + n.toString(16).padStart(8, '0');
}
