import { describe, expect, it } from 'vitest';
import { RecordBatchHeader, validateBatch } from './batch-header.js';
import { buildControlBatch, parseControlRecord } from './control-batch.js';
import { buildRecordBatch } from './record-batch-builder.js';
import { decodeRecords } from './record-decoder.js';
import { RecordFormatError } from './varint.js';

describe('record batch build → decode', () => {
  const input = [
    { key: 'user-1', value: '{"t":21.5}', timestamp: 1_700_000_000_000, headers: [{ key: 'source', value: 'station-9' }] },
    { key: null, value: Buffer.alloc(300, 7), timestamp: 1_699_999_999_000 },
    { key: Buffer.from([0, 1, 2]), value: null, timestamp: 1_700_000_500_000, headers: [{ key: 'h', value: null }, { key: 'ü', value: '' }] },
  ];

  for (const compression of ['none', 'gzip'] as const) {
    it(`round-trips keys, values, headers, timestamps and offsets (${compression})`, () => {
      const batch = buildRecordBatch(input, { baseOffset: 100, compression });
      expect(validateBatch(batch).ok).toBe(true);
      const header = new RecordBatchHeader(batch);
      expect(header.compression).toBe(compression === 'gzip' ? 1 : 0);
      expect(header.recordCount).toBe(3);
      expect(header.maxTimestamp).toBe(1_700_000_500_000);
      const out = decodeRecords(batch);
      expect(out.map((r) => r.offset)).toEqual([100, 101, 102]);
      expect(out.map((r) => r.timestamp)).toEqual(input.map((r) => r.timestamp));
      expect(out[0].key?.toString()).toBe('user-1');
      expect(out[0].value?.toString()).toBe('{"t":21.5}');
      expect(out[0].headers.map((h) => [h.key, h.value?.toString()])).toEqual([['source', 'station-9']]);
      expect(out[1].key).toBeNull();
      expect(out[1].value?.equals(Buffer.alloc(300, 7))).toBe(true);
      expect(out[2].key?.equals(Buffer.from([0, 1, 2]))).toBe(true);
      expect(out[2].value).toBeNull();
      expect(out[2].headers).toEqual([
        { key: 'h', value: null },
        { key: 'ü', value: Buffer.alloc(0) },
      ]);
    });
  }

  it('compresses with gzip', () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ value: `same text over and over ${i % 3}`, timestamp: 1 }));
    expect(buildRecordBatch(records, { compression: 'gzip' }).length).toBeLessThan(buildRecordBatch(records).length / 3);
  });

  it('honours explicit offset deltas and the log-append-time flag', () => {
    const batch = buildRecordBatch(
      [
        { value: 'a', offsetDelta: 0, timestamp: 5 },
        { value: 'b', offsetDelta: 4, timestamp: 6 },
      ],
      { baseOffset: 10, timestampType: 'log-append-time' },
    );
    const h = new RecordBatchHeader(batch);
    expect(h.lastOffsetDelta).toBe(4);
    expect(h.timestampType).toBe('log-append-time');
    const out = decodeRecords(batch);
    expect(out.map((r) => r.offset)).toEqual([10, 14]);
    expect(out.map((r) => r.timestamp)).toEqual([6, 6]);
    expect(() => buildRecordBatch([{ value: 'a', offsetDelta: 2 }, { value: 'b', offsetDelta: 1 }])).toThrow(/offsetDelta/);
  });

  it('throws a format error on a malformed records section', () => {
    const batch = buildRecordBatch([{ value: 'hello' }]);
    batch.writeInt32BE(2, 57); // claim two records, carry one
    expect(() => decodeRecords(batch)).toThrow(RecordFormatError);
  });

  it('refuses codecs it does not implement, naming them', () => {
    const batch = buildRecordBatch([{ value: 'x' }]);
    batch.writeInt16BE(4, 21);
    expect(() => decodeRecords(batch)).toThrow(/zstd/);
  });
});

describe('control batches', () => {
  it('builds a transaction marker that decodes back', () => {
    const batch = buildControlBatch({ marker: 'commit', producerId: 4000, producerEpoch: 2, coordinatorEpoch: 9, timestamp: 77, baseOffset: 8 });
    expect(validateBatch(batch).ok).toBe(true);
    const h = new RecordBatchHeader(batch);
    expect(h.isControl).toBe(true);
    expect(h.isTransactional).toBe(true);
    expect(h.producerId).toBe(4000);
    expect(h.producerEpoch).toBe(2);
    const [rec] = decodeRecords(batch);
    expect(rec.key?.toString('hex')).toBe('00000001');
    expect(rec.value?.toString('hex')).toBe('000000000009');
    expect(parseControlRecord(rec)).toEqual({ type: 1, marker: 'commit', coordinatorEpoch: 9 });
    const abort = decodeRecords(buildControlBatch({ marker: 'abort', producerId: 1, producerEpoch: 0, coordinatorEpoch: 0 }))[0];
    expect(parseControlRecord(abort).marker).toBe('abort');
  });
});
