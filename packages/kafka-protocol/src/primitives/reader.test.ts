import { describe, expect, it } from 'vitest';
import { ProtocolDecodeError } from './decode-error.js';
import { Reader } from './reader.js';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');

describe('Reader', () => {
  it('reads fixed-width integers big-endian', () => {
    const r = new Reader(hex('ff 7fff 80000000 ffffffff 0000000000000001 fffffffffffffffe 01 00'));
    expect(r.readInt8()).toBe(-1);
    expect(r.readInt16()).toBe(32767);
    expect(r.readInt32()).toBe(-2147483648);
    expect(r.readUint32()).toBe(4294967295);
    expect(r.readInt64()).toBe(1n);
    expect(r.readInt64()).toBe(-2n);
    expect(r.readBool()).toBe(true);
    expect(r.readBool()).toBe(false);
    expect(r.remaining).toBe(0);
  });

  it('reads varints as Kafka encodes them (zigzag for signed)', () => {
    expect(new Reader(hex('00')).readUnsignedVarint()).toBe(0);
    expect(new Reader(hex('7f')).readUnsignedVarint()).toBe(127);
    expect(new Reader(hex('ac02')).readUnsignedVarint()).toBe(300);
    expect(new Reader(hex('ffffffff0f')).readUnsignedVarint()).toBe(4294967295);
    expect(new Reader(hex('01')).readVarint()).toBe(-1);
    expect(new Reader(hex('02')).readVarint()).toBe(1);
    expect(new Reader(hex('feffffff0f')).readVarint()).toBe(2147483647);
    expect(new Reader(hex('ffffffff0f')).readVarint()).toBe(-2147483648);
    expect(new Reader(hex('ffffffffffffffffff01')).readVarlong()).toBe(-(2n ** 63n));
    expect(new Reader(hex('feffffffffffffffff01')).readVarlong()).toBe(2n ** 63n - 1n);
    expect(new Reader(hex('03')).readVarlong()).toBe(-2n);
  });

  it('reads strings, compact strings and nulls', () => {
    const r = new Reader(hex('0002 6869  ffff  03 6869  00  01'));
    expect(r.readString()).toBe('hi');
    expect(r.readNullableString()).toBeNull();
    expect(r.readCompactString()).toBe('hi');
    expect(r.readCompactNullableString()).toBeNull();
    expect(r.readCompactString()).toBe('');
  });

  it('returns byte fields as views into the input, not copies', () => {
    const input = hex('00000003 616263 04 646566');
    const r = new Reader(input);
    const bytes = r.readBytes();
    const compact = r.readCompactBytes();
    expect(bytes.toString()).toBe('abc');
    expect(compact.toString()).toBe('def');
    input[4] = 0x7a; // 'z'
    expect(bytes.toString()).toBe('zbc');
    expect(bytes.buffer).toBe(input.buffer);
  });

  it('reads UUIDs as Kafka prints them', () => {
    const r = new Reader(hex('00000000000000000000000000000001'));
    expect(r.readUuid()).toBe('AAAAAAAAAAAAAAAAAAAAAQ');
  });

  it('skips tagged fields', () => {
    const r = new Reader(hex('02 00 01 ff 05 02 aabb 07'));
    r.skipTaggedFields();
    expect(r.readInt8()).toBe(7);
  });

  describe('rejects bad input with ProtocolDecodeError', () => {
    const cases: [string, string, (r: Reader) => unknown][] = [
      ['truncated int32', '000000', (r) => r.readInt32()],
      ['truncated int64', '00000000000000', (r) => r.readInt64()],
      ['string longer than the input', '0005 6869', (r) => r.readString()],
      ['negative string length other than -1', 'fffe', (r) => r.readNullableString()],
      ['null where a string is required', 'ffff', (r) => r.readString()],
      ['compact string longer than the input', '05 6869', (r) => r.readCompactString()],
      ['bytes longer than the input', '7fffffff 00', (r) => r.readBytes()],
      ['negative bytes length', 'fffffff0', (r) => r.readNullableBytes()],
      ['null where bytes are required', 'ffffffff', (r) => r.readBytes()],
      ['varint running off the end', '8080', (r) => r.readUnsignedVarint()],
      ['varint over 32 bits', 'ffffffff1f', (r) => r.readUnsignedVarint()],
      ['varlong over 10 bytes', 'ffffffffffffffffffff01', (r) => r.readVarlong()],
      ['array count larger than the input could hold', '7fffffff 00000001', (r) => r.readArrayLength(4)],
      ['array count of 3 int32s in 8 bytes', '00000003 0000000000000000', (r) => r.readArrayLength(4)],
      ['negative array count other than -1', 'fffffffe', (r) => r.readArrayLength(1)],
      ['compact array count larger than the input', 'ffffffff0f 00', (r) => r.readCompactArrayLength(1)],
      ['tagged field longer than the input', '01 00 0a 00', (r) => r.skipTaggedFields()],
      ['truncated uuid', '0000', (r) => r.readUuid()],
    ];
    it.each(cases)('%s', (_name, input, read) => {
      expect(() => read(new Reader(hex(input)))).toThrow(ProtocolDecodeError);
    });
  });

  it('allows a count that exactly fits', () => {
    const r = new Reader(hex('00000002 00000001 00000002'));
    expect(r.readArrayLength(4)).toBe(2);
  });

  it('respects a window inside a larger buffer', () => {
    const r = new Reader(hex('00000001 00000002'), 0, 4);
    expect(r.readInt32()).toBe(1);
    expect(() => r.readInt32()).toThrow(ProtocolDecodeError);
  });

  it('reports the offset of the failure', () => {
    const r = new Reader(hex('0001 0009 61'));
    r.readInt16();
    try {
      r.readString();
      expect.unreachable();
    } catch (err) {
      expect((err as ProtocolDecodeError).offset).toBe(4);
    }
  });
});
