import { describe, expect, it } from 'vitest';
import { ProtocolEncodeError } from './decode-error.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

const hexOf = (w: Writer) => w.toBuffer().toString('hex');

describe('Writer', () => {
  it('writes fixed-width integers big-endian', () => {
    const w = new Writer().int8(-1).int16(32767).int32(-2147483648).uint32(4294967295).int64(-2n).bool(true);
    expect(hexOf(w)).toBe('ff7fff80000000fffffffffffffffffffffffe01');
  });

  it('writes varints as Kafka does', () => {
    expect(hexOf(new Writer().unsignedVarint(300))).toBe('ac02');
    expect(hexOf(new Writer().unsignedVarint(4294967295))).toBe('ffffffff0f');
    expect(hexOf(new Writer().varint(-1))).toBe('01');
    expect(hexOf(new Writer().varint(-2147483648))).toBe('ffffffff0f');
    expect(hexOf(new Writer().varlong(-(2n ** 63n)))).toBe('ffffffffffffffffff01');
    expect(hexOf(new Writer().varlong(2n ** 63n - 1n))).toBe('feffffffffffffffff01');
  });

  it('round-trips varints at the edges', () => {
    const ints = [0, 1, -1, 63, -64, 64, 8191, -8192, 2147483647, -2147483648];
    const longs = [0n, -1n, 2n ** 31n, -(2n ** 40n), 2n ** 63n - 1n, -(2n ** 63n)];
    const w = new Writer();
    for (const v of ints) w.varint(v);
    for (const v of longs) w.varlong(v);
    const r = new Reader(w.toBuffer());
    expect(ints.map(() => r.readVarint())).toEqual(ints);
    expect(longs.map(() => r.readVarlong())).toEqual(longs);
  });

  it('writes strings with their UTF-8 byte length', () => {
    expect(hexOf(new Writer().nullableString('é'))).toBe('0002c3a9');
    expect(hexOf(new Writer().nullableString(null))).toBe('ffff');
    expect(hexOf(new Writer().compactNullableString('é'))).toBe('03c3a9');
    expect(hexOf(new Writer().compactNullableString(null))).toBe('00');
  });

  it('passes large byte fields through by reference', () => {
    const big = Buffer.alloc(4096, 7);
    const w = new Writer().int16(1).nullableBytes(big).int16(2);
    const chunks = w.chunks();
    expect(chunks).toHaveLength(3);
    expect(chunks[1]).toBe(big);
    expect(w.length).toBe(2 + 4 + 4096 + 2);
  });

  it('writes a list of buffers back to back with their total length', () => {
    const a = Buffer.alloc(300, 1);
    const b = Buffer.alloc(500, 2);
    const w = new Writer().nullableBytes([a, b]);
    const chunks = w.chunks();
    expect(chunks).toContain(a);
    expect(chunks).toContain(b);
    const r = new Reader(w.toBuffer());
    expect(r.readBytes()).toEqual(Buffer.concat([a, b]));
  });

  it('copies small byte fields into its own blocks', () => {
    const small = Buffer.from('abc');
    const w = new Writer().nullableBytes(small);
    small[0] = 0x7a;
    expect(w.toBuffer().subarray(4).toString()).toBe('abc');
  });

  it('fills a reserved size slot after the fact', () => {
    const w = new Writer(8);
    const slot = w.reserveInt32();
    for (let i = 0; i < 100; i++) w.int32(i); // forces new blocks
    w.setInt32(slot, w.length - 4);
    const buf = w.toBuffer();
    expect(buf.readInt32BE(0)).toBe(400);
    expect(buf.readInt32BE(4 + 99 * 4)).toBe(99);
  });

  it('keeps writing after chunks() was taken', () => {
    const w = new Writer().int8(1);
    expect(w.chunks()).toHaveLength(1);
    w.int8(2);
    expect(hexOf(w)).toBe('0102');
  });

  it('rejects values it cannot encode', () => {
    expect(() => new Writer().nullableString('x'.repeat(40000))).toThrow(ProtocolEncodeError);
    expect(() => new Writer().uuid('not-a-uuid')).toThrow(ProtocolEncodeError);
    expect(() => new Writer().unsignedVarint(-1)).toThrow(ProtocolEncodeError);
  });
});
