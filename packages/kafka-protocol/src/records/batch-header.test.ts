import { describe, expect, it } from 'vitest';
import {
  BATCH_HEADER_SIZE,
  RecordBatchHeader,
  iterateBatches,
  setBaseOffset,
  setPartitionLeaderEpoch,
  validateBatch,
} from './batch-header.js';
import { buildRecordBatch } from './record-batch-builder.js';

const sample = (n: number, opts = {}) =>
  buildRecordBatch(
    Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `value-${i}`, timestamp: 1_700_000_000_000 + i * 10 })),
    opts,
  );

describe('RecordBatchHeader', () => {
  it('reads every header field', () => {
    const batch = sample(3, {
      baseOffset: 42,
      partitionLeaderEpoch: 7,
      producerId: 9_000_000_001,
      producerEpoch: 3,
      baseSequence: 11,
      transactional: true,
    });
    const h = new RecordBatchHeader(batch);
    expect(h.baseOffset).toBe(42);
    expect(h.sizeInBytes).toBe(batch.length);
    expect(h.batchLength).toBe(batch.length - 12);
    expect(h.partitionLeaderEpoch).toBe(7);
    expect(h.magic).toBe(2);
    expect(h.compression).toBe(0);
    expect(h.timestampType).toBe('create-time');
    expect(h.isTransactional).toBe(true);
    expect(h.isControl).toBe(false);
    expect(h.lastOffsetDelta).toBe(2);
    expect(h.lastOffset).toBe(44);
    expect(h.baseTimestamp).toBe(1_700_000_000_000);
    expect(h.maxTimestamp).toBe(1_700_000_000_020);
    expect(h.producerId).toBe(9_000_000_001);
    expect(h.producerEpoch).toBe(3);
    expect(h.baseSequence).toBe(11);
    expect(h.recordCount).toBe(3);
  });

  it('reads -1 int64 fields (no producer id) as -1', () => {
    expect(new RecordBatchHeader(sample(1)).producerId).toBe(-1);
  });

  it('works at a non-zero offset inside a larger buffer', () => {
    const batch = sample(2, { baseOffset: 5 });
    const buf = Buffer.concat([Buffer.alloc(13, 0xaa), batch]);
    const h = new RecordBatchHeader(buf, 13);
    expect(h.baseOffset).toBe(5);
    expect(h.bytes().equals(batch)).toBe(true);
  });
});

describe('validateBatch', () => {
  it('accepts a freshly built batch', () => {
    const res = validateBatch(sample(4));
    expect(res.ok).toBe(true);
  });

  it('detects a flipped byte anywhere under the CRC', () => {
    const batch = sample(4);
    for (const at of [21, BATCH_HEADER_SIZE + 3, batch.length - 1]) {
      const copy = Buffer.from(batch);
      copy[at] ^= 0x01;
      const res = validateBatch(copy);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.problem).toBe('corrupt-crc');
    }
  });

  it('keeps the CRC valid after baseOffset and partitionLeaderEpoch are rewritten', () => {
    const batch = sample(4);
    setBaseOffset(batch, 0, 123_456_789_012);
    setPartitionLeaderEpoch(batch, 0, 17);
    expect(validateBatch(batch).ok).toBe(true);
    const h = new RecordBatchHeader(batch);
    expect(h.baseOffset).toBe(123_456_789_012);
    expect(h.partitionLeaderEpoch).toBe(17);
  });

  it('reports legacy magic so the caller can answer UNSUPPORTED_FOR_MESSAGE_FORMAT', () => {
    const batch = sample(1);
    batch[16] = 1;
    const res = validateBatch(batch);
    expect(res).toMatchObject({ ok: false, problem: 'unsupported-magic', magic: 1 });
  });

  it('reports truncation and impossible lengths', () => {
    const batch = sample(3);
    expect(validateBatch(batch.subarray(0, batch.length - 1))).toMatchObject({ ok: false, problem: 'truncated' });
    expect(validateBatch(batch.subarray(0, 10))).toMatchObject({ ok: false, problem: 'truncated' });
    const short = Buffer.from(batch);
    short.writeInt32BE(20, 8);
    expect(validateBatch(short)).toMatchObject({ ok: false, problem: 'invalid-length' });
  });
});

describe('iterateBatches', () => {
  it('walks concatenated batches and stops cleanly at a partial tail', () => {
    const a = sample(2, { baseOffset: 0 });
    const b = sample(3, { baseOffset: 2 });
    const c = sample(1, { baseOffset: 5 });
    const all = Buffer.concat([a, b, c]);
    expect([...iterateBatches(all)].map((h) => h.baseOffset)).toEqual([0, 2, 5]);
    for (const cut of [1, 30, 61, c.length - 1]) {
      const partial = all.subarray(0, a.length + b.length + c.length - cut);
      const seen = [...iterateBatches(partial)];
      expect(seen.map((h) => h.baseOffset)).toEqual([0, 2]);
      const last = seen[seen.length - 1];
      expect(last.offset + last.sizeInBytes).toBe(a.length + b.length);
    }
  });

  it('stops at bytes that cannot be a batch length', () => {
    const a = sample(2);
    const garbage = Buffer.alloc(100, 0xff);
    expect([...iterateBatches(Buffer.concat([a, garbage]))]).toHaveLength(1);
  });
});
