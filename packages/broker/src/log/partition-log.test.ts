import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordBatchHeader, iterateBatches, validateBatch } from '@sluice/kafka-protocol';
import { InvalidBatchesError, LogClosedError, OffsetOutOfRangeError } from './errors.js';
import { PartitionLog } from './partition-log.js';
import { batchOf, captureLogger, readValues, tempDir, testConfig } from './testing/fixtures.js';

let tmp: ReturnType<typeof tempDir>;
let log: PartitionLog | null = null;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  log?.close();
  log = null;
  tmp.cleanup();
});

const open = (overrides = {}) => (log = PartitionLog.open(tmp.dir, testConfig(overrides), captureLogger()));
const headersOf = (chunks: Buffer[]) => chunks.flatMap((c) => [...iterateBatches(c)]);

describe('PartitionLog append and read', () => {
  it('starts empty and assigns consecutive offsets across batches', () => {
    const l = open();
    expect([l.logStartOffset, l.logEndOffset]).toEqual([0, 0]);
    expect(l.append(batchOf(['a', 'b', 'c']))).toEqual({ baseOffset: 0, lastOffset: 2, logAppendTime: -1, recordCount: 3 });
    expect(l.append(Buffer.concat([batchOf(['d']), batchOf(['e', 'f'])]))).toMatchObject({ baseOffset: 3, lastOffset: 5, recordCount: 3 });
    expect(l.logEndOffset).toBe(6);
    expect(readValues(l)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((value, offset) => ({ offset, value })));
  });

  it('stores batches byte for byte, with only baseOffset and leader epoch rewritten, CRC intact', () => {
    const l = open();
    l.append(batchOf(['x']));
    const sent = batchOf(['y', 'z']);
    const original = Buffer.from(sent);
    l.append(sent, 5);
    const { chunks } = l.read(1, 1 << 20, true);
    const stored = Buffer.concat(chunks);
    expect(validateBatch(stored).ok).toBe(true);
    const h = new RecordBatchHeader(stored);
    expect([h.baseOffset, h.partitionLeaderEpoch]).toEqual([1, 5]);
    expect(stored.subarray(16).equals(original.subarray(16))).toBe(true);
  });

  it('returns the whole batch containing a mid-batch offset', () => {
    const l = open();
    l.append(batchOf(['a', 'b']));
    l.append(batchOf(['c', 'd', 'e']));
    const headers = headersOf(l.read(3, 1 << 20, true).chunks);
    expect(headers.map((h) => h.baseOffset)).toEqual([2]);
  });

  it('respects maxBytes with whole batches, and minOneBatch', () => {
    const l = open();
    const sizes = [batchOf(['1111']), batchOf(['2222']), batchOf(['3333'])].map((b) => {
      l.append(b);
      return b.length;
    });
    expect(headersOf(l.read(0, sizes[0] + sizes[1], false).chunks).map((h) => h.baseOffset)).toEqual([0, 1]);
    expect(headersOf(l.read(0, sizes[0] + sizes[1] - 1, false).chunks).map((h) => h.baseOffset)).toEqual([0]);
    expect(l.read(0, 10, false)).toEqual({ chunks: [], bytes: 0 });
    const one = l.read(0, 10, true);
    expect(one.bytes).toBe(sizes[0]);
    expect(headersOf(one.chunks).map((h) => h.baseOffset)).toEqual([0]);
    expect(l.read(0, 0, true).bytes).toBe(sizes[0]);
  });

  it('returns nothing at the log end and throws out of range', () => {
    const l = open();
    l.append(batchOf(['a']));
    expect(l.read(1, 1000, true)).toEqual({ chunks: [], bytes: 0 });
    expect(() => l.read(2, 1000, true)).toThrow(OffsetOutOfRangeError);
    expect(() => l.read(-1, 1000, true)).toThrow(/out of range/);
  });

  it('rejects bytes that are not whole v2 batches without writing anything', () => {
    const l = open();
    const b = batchOf(['a', 'b']);
    expect(() => l.append(b.subarray(0, b.length - 3))).toThrow(InvalidBatchesError);
    expect(() => l.append(Buffer.concat([b, Buffer.alloc(10)]))).toThrow(/not a whole record batch/);
    const legacy = Buffer.from(b);
    legacy[16] = 1;
    expect(() => l.append(legacy)).toThrow(/magic 1/);
    expect(() => l.append(Buffer.alloc(0))).toThrow(InvalidBatchesError);
    expect(l.logEndOffset).toBe(0);
    expect(l.sizeInBytes).toBe(0);
  });

  it('notifies append listeners until unsubscribed', () => {
    const l = open();
    const seen: number[] = [];
    const off = l.onAppend((r) => seen.push(r.lastOffset));
    l.append(batchOf(['a', 'b']));
    off();
    l.append(batchOf(['c']));
    expect(seen).toEqual([1]);
  });

  it('refuses use after close', () => {
    const l = open();
    l.close();
    expect(() => l.append(batchOf(['a']))).toThrow(LogClosedError);
    expect(() => l.read(0, 10, true)).toThrow(LogClosedError);
  });
});

describe('PartitionLog segments and indexes', () => {
  it('rolls segments at segment.bytes, names them by base offset, and reads across them', () => {
    const l = open({ segmentBytes: 600, indexIntervalBytes: 100 });
    for (let i = 0; i < 40; i++) l.append(batchOf([`value-${i}-a`, `value-${i}-b`]));
    expect(l.segmentCount).toBeGreaterThan(5);
    const logs = readdirSync(tmp.dir).filter((n) => n.endsWith('.log')).sort();
    expect(logs[0]).toBe('00000000000000000000.log');
    expect(logs.every((n) => /^\d{20}\.log$/.test(n))).toBe(true);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.index'))).toHaveLength(logs.length);
    // Every offset reads back as the batch that holds it, wherever its segment is.
    for (let offset = 0; offset < 80; offset++) {
      const [first] = headersOf(l.read(offset, 1, true).chunks);
      expect(first.baseOffset).toBe(offset - (offset % 2));
    }
    const all = readValues(l);
    expect(all).toHaveLength(80);
    expect(all[79]).toEqual({ offset: 79, value: 'value-39-b' });
    // A large read crosses segment boundaries in one call.
    const big = l.read(0, 1 << 20, false);
    expect(big.chunks.length).toBe(l.segmentCount);
    expect(headersOf(big.chunks)).toHaveLength(40);
  });

  it('keeps a batch bigger than segment.bytes whole in its own segment', () => {
    const l = open({ segmentBytes: 200 });
    l.append(batchOf(['small']));
    l.append(batchOf(['x'.repeat(500)]));
    l.append(batchOf(['after']));
    expect(l.segmentCount).toBe(3);
    expect(readValues(l).map((r) => r.value)).toEqual(['small', 'x'.repeat(500), 'after']);
  });

  it('rolls by segment.ms measured in batch timestamps', () => {
    const l = open({ segmentMs: 1000 });
    l.append(batchOf(['a'], 10_000));
    l.append(batchOf(['b'], 10_500));
    expect(l.segmentCount).toBe(1);
    l.append(batchOf(['c'], 11_500));
    expect(l.segmentCount).toBe(2);
  });

  it('finds offsets by timestamp through the time index, across segments', () => {
    const l = open({ segmentBytes: 1000, indexIntervalBytes: 50 });
    // Batch i holds offsets 2i and 2i+1 with timestamps 1000·i and 1000·i + 1.
    for (let i = 0; i < 30; i++) l.append(batchOf([`a${i}`, `b${i}`], 1000 * i));
    expect(l.segmentCount).toBeGreaterThan(2);
    expect(l.offsetForTimestamp(0)).toBe(0);
    expect(l.offsetForTimestamp(1)).toBe(0);
    expect(l.offsetForTimestamp(2)).toBe(2);
    expect(l.offsetForTimestamp(15_000)).toBe(30);
    expect(l.offsetForTimestamp(15_001)).toBe(30);
    expect(l.offsetForTimestamp(15_002)).toBe(32);
    expect(l.offsetForTimestamp(29_001)).toBe(58);
    expect(l.offsetForTimestamp(29_002)).toBeNull();
  });

  it('reopens after a clean close with the same state and keeps appending', () => {
    const config = { segmentBytes: 700, indexIntervalBytes: 120 };
    const l = open(config);
    for (let i = 0; i < 25; i++) l.append(batchOf([`v${i}`], 1000 + i));
    const before = { start: l.logStartOffset, end: l.logEndOffset, size: l.sizeInBytes, segments: l.segmentCount, values: readValues(l) };
    l.close();
    const logger = captureLogger();
    const again = (log = PartitionLog.open(tmp.dir, testConfig(config), logger));
    expect({ start: again.logStartOffset, end: again.logEndOffset, size: again.sizeInBytes, segments: again.segmentCount, values: readValues(again) }).toEqual(before);
    expect(again.offsetForTimestamp(1010)).toBe(10);
    expect(logger.lines.filter((line) => line.startsWith('WARN'))).toEqual([]);
    again.append(batchOf(['next']));
    expect(readValues(again, 25)).toEqual([{ offset: 25, value: 'next' }]);
  });
});
