import snappy from 'snappy';
import { describe, expect, it } from 'vitest';
import { snappyCompress, snappyDecompress } from './snappy-codec.js';

// Java producers (snappy-java) frame their blocks; this is that layout written out by hand.
function xerialFramed(blocks: Buffer[]): Buffer {
  const header = Buffer.alloc(16);
  Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]).copy(header);
  header.writeInt32BE(1, 8);
  header.writeInt32BE(1, 12);
  const parts: Buffer[] = [header];
  for (const block of blocks) {
    const compressed = snappy.compressSync(block);
    const length = Buffer.alloc(4);
    length.writeInt32BE(compressed.length);
    parts.push(length, compressed);
  }
  return Buffer.concat(parts);
}

describe('snappy', () => {
  it('reads a raw block, as librdkafka writes', () => {
    const data = Buffer.from('station-1 42.5 '.repeat(100));
    expect(snappyDecompress(snappyCompress(data))).toEqual(data);
  });

  it('reads xerial-framed blocks, as Java producers write', () => {
    const a = Buffer.from('a'.repeat(5000));
    const b = Buffer.from('bcd'.repeat(700));
    expect(snappyDecompress(xerialFramed([a, b]))).toEqual(Buffer.concat([a, b]));
  });

  it('names a cut-off frame', () => {
    const framed = xerialFramed([Buffer.from('x'.repeat(100))]);
    expect(() => snappyDecompress(framed.subarray(0, framed.length - 3))).toThrow(/runs past the end/);
  });
});
