import { ProtocolEncodeError } from './decode-error.js';
import { uuidFromString } from './uuid.js';

/** Byte fields at least this long are passed through by reference instead of copied. */
const ZERO_COPY_THRESHOLD = 256;
const FIRST_BLOCK = 512;
const MAX_BLOCK = 64 * 1024;

/** A 4-byte slot reserved for a value (a size prefix) that is only known later. */
export interface Int32Slot {
  readonly block: Buffer;
  readonly at: number;
}

/**
 * Builds an encoded message as a list of chunks. Small values go into scratch blocks; large byte
 * fields (record batches above all) are appended by reference, so a stored batch reaches the socket
 * without being copied. Read the result with chunks() (for socket.write / writev) or toBuffer().
 */
export class Writer {
  private readonly out: Buffer[] = [];
  private flushed = 0;
  private block: Buffer;
  private pos = 0;
  /** Start of the part of `block` not yet pushed to `out`. */
  private segmentStart = 0;

  constructor(initialBlockSize = FIRST_BLOCK) {
    this.block = Buffer.allocUnsafe(initialBlockSize);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.flushed + this.pos - this.segmentStart;
  }

  private flushSegment(): void {
    if (this.pos > this.segmentStart) {
      this.out.push(this.block.subarray(this.segmentStart, this.pos));
      this.flushed += this.pos - this.segmentStart;
      this.segmentStart = this.pos;
    }
  }

  /** Makes room for `n` more bytes in the current block and returns where they go. */
  private room(n: number): number {
    if (this.pos + n > this.block.length) {
      this.flushSegment();
      const size = Math.max(n, Math.min(this.block.length * 2, MAX_BLOCK));
      this.block = Buffer.allocUnsafe(size);
      this.pos = 0;
      this.segmentStart = 0;
    }
    const at = this.pos;
    this.pos = at + n;
    return at;
  }

  int8(value: number): this {
    const at = this.room(1);
    this.block.writeInt8(value, at);
    return this;
  }

  bool(value: boolean): this {
    const at = this.room(1);
    this.block[at] = value ? 1 : 0;
    return this;
  }

  int16(value: number): this {
    const at = this.room(2);
    this.block.writeInt16BE(value, at);
    return this;
  }

  uint16(value: number): this {
    const at = this.room(2);
    this.block.writeUInt16BE(value, at);
    return this;
  }

  int32(value: number): this {
    const at = this.room(4);
    this.block.writeInt32BE(value, at);
    return this;
  }

  uint32(value: number): this {
    const at = this.room(4);
    this.block.writeUInt32BE(value, at);
    return this;
  }

  int64(value: bigint): this {
    const at = this.room(8);
    this.block.writeBigInt64BE(value, at);
    return this;
  }

  float64(value: number): this {
    const at = this.room(8);
    this.block.writeDoubleBE(value, at);
    return this;
  }

  unsignedVarint(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new ProtocolEncodeError(`unsigned varint out of range: ${value}`);
    }
    let v = value;
    const at = this.room(v < 0x80 ? 1 : 5);
    let pos = at;
    while (v >= 0x80) {
      this.block[pos++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.block[pos++] = v;
    this.pos = pos; // room() may have reserved more than was used
    return this;
  }

  /** Zigzag-encoded signed 32-bit varint. */
  varint(value: number): this {
    return this.unsignedVarint(((value << 1) ^ (value >> 31)) >>> 0);
  }

  /** Zigzag-encoded signed 64-bit varint. */
  varlong(value: bigint): this {
    let v = BigInt.asUintN(64, (value << 1n) ^ (value >> 63n));
    const at = this.room(10);
    let pos = at;
    while (v >= 0x80n) {
      this.block[pos++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.block[pos++] = Number(v);
    this.pos = pos;
    return this;
  }

  uuid(value: string): this {
    const bytes = uuidFromString(value);
    if (!bytes) throw new ProtocolEncodeError(`not a 22-character base64url UUID: ${JSON.stringify(value)}`);
    return this.raw(bytes);
  }

  private utf8(value: string, byteLength: number): void {
    if (byteLength === 0) return;
    const at = this.room(byteLength); // before reading this.block: room() may replace it
    this.block.write(value, at, byteLength, 'utf8');
  }

  /** int16 length; null is written as -1. */
  nullableString(value: string | null): this {
    if (value === null) return this.int16(-1);
    const length = Buffer.byteLength(value, 'utf8');
    if (length > 0x7fff) throw new ProtocolEncodeError(`string of ${length} bytes exceeds 32767`);
    this.int16(length);
    this.utf8(value, length);
    return this;
  }

  /** Unsigned varint length + 1; null is written as 0. */
  compactNullableString(value: string | null): this {
    if (value === null) return this.unsignedVarint(0);
    const length = Buffer.byteLength(value, 'utf8');
    if (length > 0x7fff) throw new ProtocolEncodeError(`string of ${length} bytes exceeds 32767`);
    this.unsignedVarint(length + 1);
    this.utf8(value, length);
    return this;
  }

  /** Appends bytes as they are: copied when small, by reference when large. */
  raw(value: Buffer): this {
    const length = value.length;
    if (length < ZERO_COPY_THRESHOLD) {
      if (length > 0) {
        const at = this.room(length);
        value.copy(this.block, at);
      }
    } else {
      this.flushSegment();
      this.out.push(value);
      this.flushed += length;
    }
    return this;
  }

  /** Appends several buffers back to back. */
  rawList(values: readonly Buffer[]): this {
    for (let i = 0; i < values.length; i++) this.raw(values[i]);
    return this;
  }

  /** int32 length; null is written as -1. A list of buffers is written as their concatenation. */
  nullableBytes(value: Buffer | readonly Buffer[] | null): this {
    if (value === null) return this.int32(-1);
    if (Buffer.isBuffer(value)) return this.int32(value.length).raw(value);
    return this.int32(totalLength(value)).rawList(value);
  }

  /** Unsigned varint length + 1; null is written as 0. */
  compactNullableBytes(value: Buffer | readonly Buffer[] | null): this {
    if (value === null) return this.unsignedVarint(0);
    if (Buffer.isBuffer(value)) return this.unsignedVarint(value.length + 1).raw(value);
    return this.unsignedVarint(totalLength(value) + 1).rawList(value);
  }

  /** int32 count; null is written as -1. */
  arrayLength(count: number | null): this {
    return this.int32(count === null ? -1 : count);
  }

  /** Unsigned varint count + 1; null is written as 0. */
  compactArrayLength(count: number | null): this {
    return this.unsignedVarint(count === null ? 0 : count + 1);
  }

  /** An empty tagged-field section. */
  noTaggedFields(): this {
    return this.unsignedVarint(0);
  }

  /** Reserves four bytes to be filled in later with setInt32(). */
  reserveInt32(): Int32Slot {
    const at = this.room(4);
    return { block: this.block, at };
  }

  setInt32(slot: Int32Slot, value: number): void {
    slot.block.writeInt32BE(value, slot.at);
  }

  /** Appends everything another writer produced (its chunks are shared, not copied). */
  append(other: Writer): this {
    for (const chunk of other.chunks()) this.raw(chunk);
    return this;
  }

  /** The encoded bytes as chunks; the writer stays usable for more writes afterwards. */
  chunks(): Buffer[] {
    this.flushSegment();
    return this.out.slice();
  }

  /** The encoded bytes in one Buffer (copies them). */
  toBuffer(): Buffer {
    this.flushSegment();
    return this.out.length === 1 ? this.out[0] : Buffer.concat(this.out, this.flushed);
  }
}

function totalLength(values: readonly Buffer[]): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i].length;
  return sum;
}
