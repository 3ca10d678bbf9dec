import { codecNameOfAttributes } from './codec-names.js';

/**
 * A record batch whose records cannot be decompressed (a corrupt block, an unknown codec) must not
 * stop a reader, and must not vanish either. kafkajs hands a codec only the compressed bytes, so
 * instead of failing the whole fetch the codec returns stand-in records for the batch: the first
 * carries the compressed bytes and the reason (a pipeline dead-letters it, the CLI and the topic
 * browser report it), the others are marked as covered by it, so every offset of the batch is
 * accounted for once and the reader moves past it.
 */

/** On the batch's first stand-in record: why the batch could not be read, with its offsets. */
export const UNDECODABLE_BATCH_HEADER = 'sluice.undecodable-batch';
/** On the others: the offset of the first, which speaks for them. */
export const COVERED_BY_UNDECODABLE_HEADER = 'sluice.undecodable-batch.covered';

type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;
type Headers = Readonly<Record<string, HeaderValue>> | undefined;

/** The reason a stand-in record was made for an undecodable batch, or undefined for real records. */
export function undecodableBatchReason(headers: Headers): string | undefined {
  const value = headers?.[UNDECODABLE_BATCH_HEADER];
  if (value === undefined) return undefined;
  return String(Array.isArray(value) ? value[value.length - 1] : value);
}

/** True for the stand-ins after the first: their offsets are reported with the first one. */
export function isCoveredByUndecodableBatch(headers: Headers): boolean {
  return headers?.[COVERED_BY_UNDECODABLE_HEADER] !== undefined;
}

interface BatchHeader {
  readonly firstOffset: bigint;
  readonly lastOffsetDelta: number;
  readonly count: number;
  readonly attributes: number;
}

// A v2 record batch: baseOffset(8) length(4) leaderEpoch(4) magic(1) crc(4) attributes(2)
// lastOffsetDelta(4) firstTimestamp(8) maxTimestamp(8) producerId(8) producerEpoch(2)
// baseSequence(4) recordCount(4), then the compressed records.
const HEADER_BYTES = 61;
const LENGTH_COVERS_AFTER_IT = 49;

/**
 * The batch header in front of the compressed records. kafkajs slices its fetch buffer without
 * copying, so those bytes sit just before `records` in the same memory; they are trusted only if
 * the magic byte and the batch length agree with what follows.
 */
export function batchHeaderBefore(records: Buffer): BatchHeader | undefined {
  const start = records.byteOffset - HEADER_BYTES;
  if (start < 0) return undefined;
  const header = Buffer.from(records.buffer, start, HEADER_BYTES);
  const length = header.readInt32BE(8);
  const magic = header.readInt8(16);
  const lastOffsetDelta = header.readInt32BE(23);
  const count = header.readInt32BE(57);
  if (magic !== 2 || length !== LENGTH_COVERS_AFTER_IT + records.length) return undefined;
  if (count <= 0 || lastOffsetDelta < count - 1) return undefined;
  return { firstOffset: header.readBigInt64BE(0), lastOffsetDelta, count, attributes: header.readInt16BE(21) };
}

/**
 * Stand-in records for a batch that failed to decompress, in the uncompressed record layout. Throws
 * `cause` when the batch header cannot be found: then the reader fails loudly instead.
 */
export function undecodableBatchRecords(records: Buffer, problem: string, cause: unknown): Buffer {
  const batch = batchHeaderBefore(records);
  if (!batch) throw cause;
  const lastOffset = batch.firstOffset + BigInt(batch.lastOffsetDelta);
  const reason =
    `${codecNameOfAttributes(batch.attributes)} batch at offsets ${batch.firstOffset}-${lastOffset} ` +
    `(${batch.count} records) could not be decompressed: ${problem}`;
  const covered = Buffer.from(String(batch.firstOffset));
  const out = new RecordWriter();
  out.record(0, records, [[UNDECODABLE_BATCH_HEADER, Buffer.from(reason)]]);
  for (let i = 1; i < batch.count; i++) {
    // The last stand-in takes the batch's last offset, so the reader resumes after the batch even
    // when compaction left gaps in it.
    out.record(i === batch.count - 1 ? batch.lastOffsetDelta : i, null, [[COVERED_BY_UNDECODABLE_HEADER, covered]]);
  }
  return out.toBuffer();
}

/** Writes records in Kafka's v2 record layout (zigzag varints, no key). */
class RecordWriter {
  private readonly chunks: Buffer[] = [];

  record(offsetDelta: number, value: Buffer | null, headers: readonly (readonly [string, Buffer])[]): void {
    const body: Buffer[] = [
      Buffer.of(0), // attributes
      varint(0), // timestamp delta: the batch's first timestamp
      varint(offsetDelta),
      varint(-1), // no key
      varint(value ? value.length : -1),
      ...(value ? [value] : []),
      varint(headers.length),
    ];
    for (const [key, headerValue] of headers) {
      const keyBytes = Buffer.from(key);
      body.push(varint(keyBytes.length), keyBytes, varint(headerValue.length), headerValue);
    }
    const bytes = Buffer.concat(body);
    this.chunks.push(varint(bytes.length), bytes);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function varint(n: number): Buffer {
  let z = (n << 1) ^ (n >> 31);
  z >>>= 0;
  const bytes: number[] = [];
  while (z > 0x7f) {
    bytes.push((z & 0x7f) | 0x80);
    z >>>= 7;
  }
  bytes.push(z);
  return Buffer.from(bytes);
}
