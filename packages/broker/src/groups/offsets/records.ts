import { crc32 } from 'node:zlib';

/**
 * Records of the consumer-offsets log. Each is framed as
 *   uint32 payloadLength | uint32 crc32(payload) | payload
 * and the payload is: uint8 format version (0) | uint8 type | fields. Strings are uint32 length +
 * UTF-8; int64 fields are big-endian (offsets and timestamps stay below 2^53). A frame whose length
 * runs past the end of the file or whose CRC does not match marks a torn tail.
 */
export type OffsetLogRecord =
  | {
      type: 'offset';
      groupId: string;
      topic: string;
      partition: number;
      offset: number;
      leaderEpoch: number;
      metadata: string;
      commitTimestamp: number;
    }
  | { type: 'offset-tombstone'; groupId: string; topic: string; partition: number }
  | { type: 'group'; groupId: string; protocolType: string; generationId: number }
  | { type: 'group-tombstone'; groupId: string };

const FORMAT_VERSION = 0;
export const FRAME_HEADER_BYTES = 8;
/** A sanity bound: no record comes near this, so a larger length means garbage. */
export const MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

const TYPE_CODES = { offset: 1, 'offset-tombstone': 2, group: 3, 'group-tombstone': 4 } as const;

function strBytes(s: string): number {
  return 4 + Buffer.byteLength(s, 'utf8');
}

function payloadSize(r: OffsetLogRecord): number {
  const base = 2 + strBytes(r.groupId);
  switch (r.type) {
    case 'offset':
      return base + strBytes(r.topic) + 4 + 8 + 4 + strBytes(r.metadata) + 8;
    case 'offset-tombstone':
      return base + strBytes(r.topic) + 4;
    case 'group':
      return base + strBytes(r.protocolType) + 4;
    case 'group-tombstone':
      return base;
  }
}

class Cursor {
  constructor(
    readonly buf: Buffer,
    public pos: number,
  ) {}

  str(s: string): void {
    const len = this.buf.write(s, this.pos + 4, 'utf8');
    this.buf.writeUInt32BE(len, this.pos);
    this.pos += 4 + len;
  }
  i32(n: number): void {
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4;
  }
  i64(n: number): void {
    this.buf.writeBigInt64BE(BigInt(n), this.pos);
    this.pos += 8;
  }
  readStr(): string {
    const len = this.buf.readUInt32BE(this.pos);
    const end = this.pos + 4 + len;
    if (end > this.buf.length) throw new RangeError('string runs past the record');
    const s = this.buf.toString('utf8', this.pos + 4, end);
    this.pos = end;
    return s;
  }
  readI32(): number {
    const n = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return n;
  }
  readI64(): number {
    const n = Number(this.buf.readBigInt64BE(this.pos));
    this.pos += 8;
    return n;
  }
}

/** Encodes records into one buffer of frames, ready for a single write. */
export function encodeRecords(records: readonly OffsetLogRecord[]): Buffer {
  let total = 0;
  const sizes = records.map((r) => {
    const n = payloadSize(r);
    total += FRAME_HEADER_BYTES + n;
    return n;
  });
  const buf = Buffer.allocUnsafe(total);
  let frameStart = 0;
  records.forEach((r, i) => {
    const c = new Cursor(buf, frameStart + FRAME_HEADER_BYTES);
    buf.writeUInt8(FORMAT_VERSION, c.pos);
    buf.writeUInt8(TYPE_CODES[r.type], c.pos + 1);
    c.pos += 2;
    c.str(r.groupId);
    switch (r.type) {
      case 'offset':
        c.str(r.topic);
        c.i32(r.partition);
        c.i64(r.offset);
        c.i32(r.leaderEpoch);
        c.str(r.metadata);
        c.i64(r.commitTimestamp);
        break;
      case 'offset-tombstone':
        c.str(r.topic);
        c.i32(r.partition);
        break;
      case 'group':
        c.str(r.protocolType);
        c.i32(r.generationId);
        break;
      case 'group-tombstone':
        break;
    }
    const payload = buf.subarray(frameStart + FRAME_HEADER_BYTES, frameStart + FRAME_HEADER_BYTES + sizes[i]);
    buf.writeUInt32BE(sizes[i], frameStart);
    buf.writeUInt32BE(crc32(payload), frameStart + 4);
    frameStart += FRAME_HEADER_BYTES + sizes[i];
  });
  return buf;
}

export type FrameReadResult =
  | { kind: 'record'; record: OffsetLogRecord; bytes: number }
  /** Not enough bytes for a whole frame: read more, or it is a torn tail at end of file. */
  | { kind: 'incomplete' }
  | { kind: 'corrupt'; reason: string };

/** Reads the frame starting at `pos`. */
export function readFrame(buf: Buffer, pos: number): FrameReadResult {
  if (buf.length - pos < FRAME_HEADER_BYTES) return { kind: 'incomplete' };
  const len = buf.readUInt32BE(pos);
  if (len < 2 || len > MAX_PAYLOAD_BYTES) return { kind: 'corrupt', reason: `implausible record length ${len}` };
  if (buf.length - pos - FRAME_HEADER_BYTES < len) return { kind: 'incomplete' };
  const payload = buf.subarray(pos + FRAME_HEADER_BYTES, pos + FRAME_HEADER_BYTES + len);
  if (crc32(payload) !== buf.readUInt32BE(pos + 4)) return { kind: 'corrupt', reason: 'checksum mismatch' };
  try {
    return { kind: 'record', record: decodePayload(payload), bytes: FRAME_HEADER_BYTES + len };
  } catch (e) {
    return { kind: 'corrupt', reason: (e as Error).message };
  }
}

function decodePayload(payload: Buffer): OffsetLogRecord {
  const version = payload.readUInt8(0);
  if (version !== FORMAT_VERSION) throw new Error(`unknown record format version ${version}`);
  const typeCode = payload.readUInt8(1);
  const c = new Cursor(payload, 2);
  const groupId = c.readStr();
  let record: OffsetLogRecord;
  switch (typeCode) {
    case TYPE_CODES.offset:
      record = {
        type: 'offset',
        groupId,
        topic: c.readStr(),
        partition: c.readI32(),
        offset: c.readI64(),
        leaderEpoch: c.readI32(),
        metadata: c.readStr(),
        commitTimestamp: c.readI64(),
      };
      break;
    case TYPE_CODES['offset-tombstone']:
      record = { type: 'offset-tombstone', groupId, topic: c.readStr(), partition: c.readI32() };
      break;
    case TYPE_CODES.group:
      record = { type: 'group', groupId, protocolType: c.readStr(), generationId: c.readI32() };
      break;
    case TYPE_CODES['group-tombstone']:
      record = { type: 'group-tombstone', groupId };
      break;
    default:
      throw new Error(`unknown record type ${typeCode}`);
  }
  if (c.pos !== payload.length) throw new Error('record has trailing bytes');
  return record;
}
