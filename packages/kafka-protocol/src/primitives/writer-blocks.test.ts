import { describe, expect, it } from 'vitest';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

// Every write that crosses a block boundary must land in the new block, not the one it replaced.
describe('Writer across block boundaries', () => {
  it('keeps earlier bytes intact when strings, ints and bytes spill into new blocks', () => {
    const w = new Writer(16);
    const size = w.reserveInt32();
    w.int32(7);
    for (let i = 0; i < 200; i++) {
      w.nullableString(`topic-number-${i}`).int8(i & 0x7f).int16(i).int32(i).int64(BigInt(i)).bool(i % 2 === 0);
      w.nullableBytes(Buffer.alloc(i % 9, i & 0xff)).float64(i / 2).unsignedVarint(i * 1000);
    }
    w.setInt32(size, w.length - 4);
    const bytes = w.toBuffer();
    const r = new Reader(bytes);
    expect(r.readInt32()).toBe(bytes.length - 4);
    expect(r.readInt32()).toBe(7);
    for (let i = 0; i < 200; i++) {
      expect(r.readNullableString()).toBe(`topic-number-${i}`);
      expect(r.readInt8()).toBe(i & 0x7f);
      expect(r.readInt16()).toBe(i);
      expect(r.readInt32()).toBe(i);
      expect(r.readInt64()).toBe(BigInt(i));
      expect(r.readBool()).toBe(i % 2 === 0);
      expect(r.readNullableBytes()).toEqual(Buffer.alloc(i % 9, i & 0xff));
      expect(r.readFloat64()).toBe(i / 2);
      expect(r.readUnsignedVarint()).toBe(i * 1000);
    }
  });
});
