import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OffsetOutOfRangeError } from './errors.js';
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
const logFiles = () => readdirSync(tmp.dir).filter((n) => n.endsWith('.log')).sort();

/** 20 single-record batches, ~4 per segment; batch i has timestamp 1000·i. */
function fill(l: PartitionLog): void {
  for (let i = 0; i < 20; i++) l.append(batchOf([`record-${i}`.padEnd(60, '.')], 1000 * i));
}

describe('retention', () => {
  it('deletes whole segments older than retention.ms, never the active one', () => {
    const l = open({ segmentBytes: 600, retentionMs: 5000 });
    fill(l);
    const segments = l.segmentCount;
    l.applyRetention(20_000);
    // Segments whose newest batch is older than 15 000 are gone; the one holding 15 000 stays.
    expect(l.logStartOffset).toBeGreaterThan(0);
    expect(l.logStartOffset).toBeLessThanOrEqual(15);
    expect(l.segmentCount).toBeLessThan(segments);
    expect(readValues(l)[0].offset).toBe(l.logStartOffset);
    expect(logFiles()[0]).toBe(`${String(l.logStartOffset).padStart(20, '0')}.log`);
    expect(() => l.read(0, 100, true)).toThrow(OffsetOutOfRangeError);
    l.applyRetention(1e12);
    expect(l.segmentCount).toBe(1);
    expect(l.logEndOffset).toBe(20);
  });

  it('keeps everything with retention.ms -1', () => {
    const l = open({ segmentBytes: 600, retentionMs: -1 });
    fill(l);
    l.applyRetention(1e12);
    expect(l.logStartOffset).toBe(0);
  });

  it('deletes the oldest segments while the log is over retention.bytes', () => {
    const l = open({ segmentBytes: 600, retentionMs: -1, retentionBytes: 1000 });
    fill(l);
    const total = l.sizeInBytes;
    expect(total).toBeGreaterThan(2000);
    l.applyRetention(0);
    expect(l.sizeInBytes).toBeGreaterThanOrEqual(1000);
    expect(l.sizeInBytes).toBeLessThan(1000 + 600);
    expect(l.logStartOffset).toBeGreaterThan(0);
    expect(readValues(l).map((r) => r.offset)).toEqual(Array.from({ length: 20 - l.logStartOffset }, (_, i) => i + l.logStartOffset));
  });

  it('leaves compacted topics alone', () => {
    const l = open({ segmentBytes: 600, retentionMs: 1, retentionBytes: 1, cleanupPolicy: 'compact' });
    fill(l);
    l.applyRetention(1e12);
    expect(l.logStartOffset).toBe(0);
  });
});

describe('deleteRecordsBefore', () => {
  it('raises the start offset, drops segments below it, and survives a reopen', () => {
    const config = { segmentBytes: 600 };
    const l = open(config);
    fill(l);
    const segments = l.segmentCount;
    l.deleteRecordsBefore(9);
    expect(l.logStartOffset).toBe(9);
    expect(l.segmentCount).toBeLessThan(segments);
    expect(() => l.read(8, 100, true)).toThrow(OffsetOutOfRangeError);
    expect(readValues(l)[0]).toEqual({ offset: 9, value: 'record-9'.padEnd(60, '.') });
    l.close();
    const again = (log = PartitionLog.open(tmp.dir, testConfig(config), captureLogger()));
    expect(again.logStartOffset).toBe(9);
    expect(readValues(again)[0].offset).toBe(9);
  });

  it('survives a reopen without a clean close too', () => {
    const l = open({ segmentBytes: 600 });
    fill(l);
    l.deleteRecordsBefore(20);
    expect(l.logStartOffset).toBe(20);
    expect(l.read(20, 100, true).bytes).toBe(0);
    // No close(), as after a crash (the abandoned instance is never used again).
    log = PartitionLog.open(tmp.dir, testConfig({ segmentBytes: 600 }), captureLogger());
    expect([log.logStartOffset, log.logEndOffset]).toEqual([20, 20]);
  });

  it('rejects offsets past the log end and ignores ones below the start', () => {
    const l = open();
    fill(l);
    expect(() => l.deleteRecordsBefore(21)).toThrow(OffsetOutOfRangeError);
    l.deleteRecordsBefore(5);
    l.deleteRecordsBefore(3);
    expect(l.logStartOffset).toBe(5);
  });
});

describe('delete', () => {
  it('removes the directory', () => {
    const l = open();
    fill(l);
    l.delete();
    log = null;
    expect(() => readdirSync(tmp.dir)).toThrow(/ENOENT/);
  });
});
