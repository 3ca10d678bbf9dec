import { describe, expect, it } from 'vitest';
import { RecordCursor, RecordFormatError, varintSize, varlongSize, writeVarint, writeVarlong } from './varint.js';

describe('zig-zag varints', () => {
  it('encodes known values as Kafka does', () => {
    const enc = (v: number) => {
      const b = Buffer.alloc(10);
      return b.subarray(0, writeVarint(b, 0, v)).toString('hex');
    };
    expect(enc(0)).toBe('00');
    expect(enc(-1)).toBe('01');
    expect(enc(1)).toBe('02');
    expect(enc(63)).toBe('7e');
    expect(enc(64)).toBe('8001');
    expect(enc(-2147483648)).toBe('ffffffff0f');
  });

  it('round-trips varints and varlongs with matching sizes', () => {
    const ints = [0, 1, -1, 127, -128, 300, -300, 2 ** 31 - 1, -(2 ** 31)];
    const longs = [0, -1, 1700000000000, -1700000000000, 2 ** 40 + 7, -(2 ** 51)];
    const buf = Buffer.alloc(200);
    let pos = 0;
    for (const v of ints) {
      const next = writeVarint(buf, pos, v);
      expect(next - pos).toBe(varintSize(v));
      pos = next;
    }
    for (const v of longs) {
      const next = writeVarlong(buf, pos, v);
      expect(next - pos).toBe(varlongSize(v));
      pos = next;
    }
    const cursor = new RecordCursor(buf, 0, pos);
    expect(ints.map(() => cursor.readVarint())).toEqual(ints);
    expect(longs.map(() => cursor.readVarlong())).toEqual(longs);
    expect(cursor.pos).toBe(pos);
  });

  it('throws instead of reading past the end', () => {
    const cursor = new RecordCursor(Buffer.from([0x80, 0x80]), 0);
    expect(() => cursor.readVarint()).toThrow(RecordFormatError);
    expect(() => new RecordCursor(Buffer.from([0x02, 0x01]), 1).readBytes(1)).not.toThrow();
    expect(() => new RecordCursor(Buffer.from([0x02]), 1).readBytes(1)).toThrow(/ends early/);
  });
});
