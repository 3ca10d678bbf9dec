import { ProtocolDecodeError } from './decode-error.js';
import { UUID_BYTES, uuidToString } from './uuid.js';

const EMPTY = Buffer.alloc(0);

/**
 * Reads Kafka's primitive encodings from a Buffer. Every read is bounds-checked and throws
 * ProtocolDecodeError instead of reading past `end`. Byte fields come back as views into the
 * input (subarray), never copies: keep the input alive as long as those views are in use.
 */
export class Reader {
  readonly buf: Buffer;
  offset: number;
  readonly end: number;

  constructor(buf: Buffer, offset = 0, end = buf.length) {
    if (offset < 0 || end > buf.length || offset > end) {
      throw new RangeError(`reader window ${offset}..${end} is outside a ${buf.length}-byte buffer`);
    }
    this.buf = buf;
    this.offset = offset;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  /** Advances past `n` bytes and returns where they started. */
  private take(n: number, what: string): number {
    const at = this.offset;
    if (n > this.end - at) {
      throw new ProtocolDecodeError(`truncated ${what}: need ${n} bytes, ${this.end - at} left`, at);
    }
    this.offset = at + n;
    return at;
  }

  readInt8(): number {
    return this.buf.readInt8(this.take(1, 'int8'));
  }

  readBool(): boolean {
    return this.buf[this.take(1, 'bool')] !== 0;
  }

  readInt16(): number {
    return this.buf.readInt16BE(this.take(2, 'int16'));
  }

  readUint16(): number {
    return this.buf.readUInt16BE(this.take(2, 'uint16'));
  }

  readInt32(): number {
    return this.buf.readInt32BE(this.take(4, 'int32'));
  }

  readUint32(): number {
    return this.buf.readUInt32BE(this.take(4, 'uint32'));
  }

  readInt64(): bigint {
    return this.buf.readBigInt64BE(this.take(8, 'int64'));
  }

  readFloat64(): number {
    return this.buf.readDoubleBE(this.take(8, 'float64'));
  }

  /** Unsigned LEB128 varint, at most 5 bytes (32 bits). */
  readUnsignedVarint(): number {
    const buf = this.buf;
    const start = this.offset;
    let value = 0;
    let shift = 0;
    let pos = start;
    for (;;) {
      if (pos >= this.end) throw new ProtocolDecodeError('truncated varint', start);
      const byte = buf[pos++];
      if (shift === 28) {
        if (byte > 0x0f) throw new ProtocolDecodeError('varint longer than 32 bits', start);
        value += byte * 2 ** 28;
        break;
      }
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    this.offset = pos;
    return value >>> 0;
  }

  /** Zigzag-encoded signed 32-bit varint. */
  readVarint(): number {
    const raw = this.readUnsignedVarint();
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** Zigzag-encoded signed 64-bit varint, at most 10 bytes. */
  readVarlong(): bigint {
    const buf = this.buf;
    const start = this.offset;
    let value = 0n;
    let shift = 0n;
    let pos = start;
    for (let i = 0; ; i++) {
      if (pos >= this.end) throw new ProtocolDecodeError('truncated varlong', start);
      if (i === 10) throw new ProtocolDecodeError('varlong longer than 64 bits', start);
      const byte = buf[pos++];
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7n;
    }
    this.offset = pos;
    value = BigInt.asUintN(64, value);
    return (value >> 1n) ^ -(value & 1n);
  }

  readUuid(): string {
    const at = this.take(UUID_BYTES, 'uuid');
    return uuidToString(this.buf.subarray(at, at + UUID_BYTES));
  }

  private utf8(length: number, what: string): string {
    if (length === 0) return '';
    const at = this.take(length, what);
    return this.buf.toString('utf8', at, at + length);
  }

  /** int16 length; -1 means null. */
  readNullableString(): string | null {
    const start = this.offset;
    const length = this.readInt16();
    if (length < 0) {
      if (length === -1) return null;
      throw new ProtocolDecodeError(`invalid string length ${length}`, start);
    }
    return this.utf8(length, 'string');
  }

  readString(): string {
    const start = this.offset;
    const value = this.readNullableString();
    if (value === null) throw new ProtocolDecodeError('null in a non-nullable string', start);
    return value;
  }

  /** Unsigned varint length + 1; 0 means null. */
  readCompactNullableString(): string | null {
    const length = this.readUnsignedVarint();
    return length === 0 ? null : this.utf8(length - 1, 'compact string');
  }

  readCompactString(): string {
    const start = this.offset;
    const value = this.readCompactNullableString();
    if (value === null) throw new ProtocolDecodeError('null in a non-nullable compact string', start);
    return value;
  }

  /** Returns a view of the next `length` bytes. */
  readRaw(length: number, what = 'bytes'): Buffer {
    if (length === 0) return EMPTY;
    const at = this.take(length, what);
    return this.buf.subarray(at, at + length);
  }

  /** int32 length; -1 means null. */
  readNullableBytes(): Buffer | null {
    const start = this.offset;
    const length = this.readInt32();
    if (length < 0) {
      if (length === -1) return null;
      throw new ProtocolDecodeError(`invalid bytes length ${length}`, start);
    }
    return this.readRaw(length);
  }

  readBytes(): Buffer {
    const start = this.offset;
    const value = this.readNullableBytes();
    if (value === null) throw new ProtocolDecodeError('null in non-nullable bytes', start);
    return value;
  }

  /** Unsigned varint length + 1; 0 means null. */
  readCompactNullableBytes(): Buffer | null {
    const length = this.readUnsignedVarint();
    return length === 0 ? null : this.readRaw(length - 1, 'compact bytes');
  }

  readCompactBytes(): Buffer {
    const start = this.offset;
    const value = this.readCompactNullableBytes();
    if (value === null) throw new ProtocolDecodeError('null in non-nullable compact bytes', start);
    return value;
  }

  /**
   * int32 element count; -1 means null. A count that could not fit in the remaining bytes (each
   * element takes at least `minElementSize`) is rejected before anything is allocated.
   */
  readArrayLength(minElementSize: number): number | null {
    const start = this.offset;
    const count = this.readInt32();
    if (count < 0) {
      if (count === -1) return null;
      throw new ProtocolDecodeError(`invalid array length ${count}`, start);
    }
    this.checkCount(count, minElementSize, start);
    return count;
  }

  /** Unsigned varint count + 1; 0 means null. */
  readCompactArrayLength(minElementSize: number): number | null {
    const start = this.offset;
    const raw = this.readUnsignedVarint();
    if (raw === 0) return null;
    this.checkCount(raw - 1, minElementSize, start);
    return raw - 1;
  }

  private checkCount(count: number, minElementSize: number, start: number): void {
    if (count * Math.max(minElementSize, 1) > this.end - this.offset) {
      throw new ProtocolDecodeError(
        `array of ${count} elements cannot fit in the ${this.end - this.offset} bytes left`,
        start,
      );
    }
  }

  /** Skips a tagged-field section, returning nothing. */
  skipTaggedFields(): void {
    const count = this.readUnsignedVarint();
    for (let i = 0; i < count; i++) {
      this.readUnsignedVarint();
      const size = this.readUnsignedVarint();
      this.take(size, 'tagged field');
    }
  }
}
