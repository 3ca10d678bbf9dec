import { describe, expect, it } from 'vitest';
import { compressSync as snappyCompress } from 'snappy';
import { RecordBatchHeader, validateBatch } from './batch-header.js';
import { rewriteBatch } from './batch-rewrite.js';
import { CODEC_NAMES, compressAsync, decompressAsync } from './codecs.js';
import { buildRecordBatch } from './record-batch-builder.js';
import { decodeRecordsAsync } from './record-decoder.js';

const original = buildRecordBatch(
  [
    { key: 'a', value: 'one', timestamp: 1000 },
    { key: 'b', value: null, timestamp: 2000, headers: [{ key: 'h', value: 'x' }] },
    { key: 'a', value: 'three', timestamp: 3000 },
  ],
  { baseOffset: 40, producerId: 7, producerEpoch: 2, baseSequence: 11, partitionLeaderEpoch: 3 },
);

describe('codecs', () => {
  for (const codec of CODEC_NAMES) {
    it(`${codec}: round-trips a records section`, async () => {
      const plain = Buffer.from('records '.repeat(500));
      const packed = await compressAsync(plain, codec);
      expect(await decompressAsync(packed, ['none', 'gzip', 'snappy', 'lz4', 'zstd'].indexOf(codec))).toEqual(plain);
    });
  }

  it('reads snappy in the xerial framing Java producers use', async () => {
    const a = snappyCompress(Buffer.from('hello '));
    const b = snappyCompress(Buffer.from('world'));
    const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
    const len = (n: number) => Buffer.from([0, 0, 0, n]);
    const framed = Buffer.concat([header, len(a.length), a, len(b.length), b]);
    expect((await decompressAsync(framed, 2)).toString()).toBe('hello world');
  });

  it('names the codec when a section does not decompress', async () => {
    await expect(decompressAsync(Buffer.from('not zstd'), 4)).rejects.toThrow(/zstd records section/);
    await expect(decompressAsync(Buffer.alloc(3), 6)).rejects.toThrow(/unknown compression codec 6/);
  });
});

describe('rewriteBatch', () => {
  it('keeps offsets, producer fields and sequences while dropping records and changing codec', async () => {
    const records = await decodeRecordsAsync(original);
    const kept = records.filter((r) => r.offset !== 40);
    const rewritten = await rewriteBatch(new RecordBatchHeader(original), kept, 'zstd');
    const check = validateBatch(rewritten);
    expect(check.ok).toBe(true);
    const h = new RecordBatchHeader(rewritten);
    expect([h.baseOffset, h.lastOffset, h.recordCount, h.compression]).toEqual([40, 42, 2, 4]);
    expect([h.producerId, h.producerEpoch, h.baseSequence, h.partitionLeaderEpoch]).toEqual([7, 2, 11, 3]);
    const back = await decodeRecordsAsync(rewritten);
    expect(back.map((r) => [r.offset, r.key?.toString(), r.value?.toString() ?? null, r.timestamp])).toEqual([
      [41, 'b', null, 2000],
      [42, 'a', 'three', 3000],
    ]);
    expect(back[0].headers[0].key).toBe('h');
  });

  it('leaves an emptied batch as a header that still spans its offsets', async () => {
    const empty = await rewriteBatch(new RecordBatchHeader(original), [], 'gzip');
    const h = new RecordBatchHeader(empty);
    expect(validateBatch(empty).ok).toBe(true);
    expect([h.baseOffset, h.lastOffset, h.recordCount, h.compression, h.baseSequence]).toEqual([40, 42, 0, 0, 11]);
    expect(await decodeRecordsAsync(empty)).toEqual([]);
  });
});
