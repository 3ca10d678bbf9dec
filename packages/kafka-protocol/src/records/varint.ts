/**
 * Zig-zag variable-length integers, the encoding of every length and delta inside a v2 record.
 * `varint` is 32-bit; `varlong` covers timestamp deltas, exact for |value| < 2^52.
 */

export function varintSize(value: number): number {
  let zz = ((value << 1) ^ (value >> 31)) >>> 0;
  let size = 1;
  while (zz >= 0x80) {
    zz >>>= 7;
    size++;
  }
  return size;
}

/** Writes `value` at `pos`; returns the position after it. */
export function writeVarint(buf: Buffer, pos: number, value: number): number {
  let zz = ((value << 1) ^ (value >> 31)) >>> 0;
  while (zz >= 0x80) {
    buf[pos++] = (zz & 0x7f) | 0x80;
    zz >>>= 7;
  }
  buf[pos++] = zz;
  return pos;
}

function zigzagLong(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

export function varlongSize(value: number): number {
  let zz = zigzagLong(value);
  let size = 1;
  while (zz >= 0x80) {
    zz = Math.floor(zz / 0x80);
    size++;
  }
  return size;
}

export function writeVarlong(buf: Buffer, pos: number, value: number): number {
  let zz = zigzagLong(value);
  while (zz >= 0x80) {
    buf[pos++] = (zz % 0x80) | 0x80;
    zz = Math.floor(zz / 0x80);
  }
  buf[pos++] = zz;
  return pos;
}

/** Thrown when record bytes do not parse; the message says where and why. */
export class RecordFormatError extends Error {
  override name = 'RecordFormatError';
}

/** A forward-only cursor over record bytes. Bounds are checked so corrupt input throws, never hangs. */
export class RecordCursor {
  constructor(
    readonly buf: Buffer,
    public pos: number,
    readonly end: number = buf.length,
  ) {}

  readInt8(): number {
    this.need(1);
    return this.buf.readInt8(this.pos++);
  }

  readInt16(): number {
    this.need(2);
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  readInt32(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  readVarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      this.need(1);
      const byte = this.buf[this.pos++];
      result |= (byte & 0x7f) << shift;
      if (byte < 0x80) return (result >>> 1) ^ -(result & 1);
    }
    throw new RecordFormatError(`varint longer than 5 bytes at position ${this.pos}`);
  }

  readVarlong(): number {
    let zz = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      this.need(1);
      const byte = this.buf[this.pos++];
      zz += (byte & 0x7f) * scale;
      if (byte < 0x80) return zz % 2 === 0 ? zz / 2 : -(zz + 1) / 2;
      scale *= 0x80;
    }
    throw new RecordFormatError(`varlong longer than 10 bytes at position ${this.pos}`);
  }

  /** A view (not a copy) of the next `length` bytes; -1 means null. */
  readBytes(length: number): Buffer | null {
    if (length < 0) return null;
    this.need(length);
    const view = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return view;
  }

  private need(n: number): void {
    if (this.pos + n > this.end) {
      throw new RecordFormatError(`record data ends early: needs ${n} byte(s) at position ${this.pos}, has ${this.end - this.pos}`);
    }
  }
}
