import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRecordBatch, decodeRecordsAsync, iterateBatches, type BatchOptions, type RecordBatchHeader } from '@sluice/kafka-protocol';
import { PartitionLog } from '../partition-log.js';
import { captureLogger, tempDir, testConfig } from '../testing/fixtures.js';
import { cleanability, cleanLog } from './clean-log.js';
import { readCleanerState } from './cleaner-state.js';
import { STAGING_DIR, type SwapStep } from './segment-swap.js';

const T0 = 1_700_000_000_000;
const DAY = 24 * 3600 * 1000;
let tmp: ReturnType<typeof tempDir>;
let log: PartitionLog | null = null;
beforeEach(() => {
  tmp = tempDir('sluice-cleaner-');
});
afterEach(() => {
  log?.close();
  log = null;
  tmp.cleanup();
});

const compacted = { cleanupPolicy: 'compact' as const, segmentBytes: 400, deleteRetentionMs: DAY, minCleanableDirtyRatio: 0.5 };
const open = (overrides = {}) => (log = PartitionLog.open(tmp.dir, testConfig({ ...compacted, ...overrides }), captureLogger()));

type Rec = [key: string | null, value: string | null];
const batch = (recs: Rec[], options: BatchOptions = {}) =>
  buildRecordBatch(recs.map(([key, value], i) => ({ key, value, timestamp: T0 + i })), options);

interface Stored {
  offset: number;
  key: string | null;
  value: string | null;
}

async function readAll(l: PartitionLog): Promise<{ records: Stored[]; batches: RecordBatchHeader[] }> {
  const records: Stored[] = [];
  const batches: RecordBatchHeader[] = [];
  const { chunks } = l.read(l.logStartOffset, 1 << 30, true);
  for (const chunk of chunks) {
    for (const b of iterateBatches(chunk)) {
      batches.push(b);
      for (const r of await decodeRecordsAsync(chunk, b.offset)) {
        records.push({ offset: r.offset, key: r.key?.toString() ?? null, value: r.value?.toString() ?? null });
      }
    }
  }
  return { records, batches };
}

/** Writes many versions of keys k0..k4 and a tombstone for k3, then seals them behind a filler. */
function writeVersions(l: PartitionLog, options: BatchOptions = {}): void {
  for (let round = 0; round < 10; round++) {
    l.append(batch([0, 1, 2, 3, 4].map((k) => [`k${k}`, `v${round}-${k}`]), options));
  }
  l.append(batch([['k3', null]], options));
  for (let i = 0; i < 8; i++) l.append(batch([[`filler${i}`, 'x'.repeat(100)]]));
}

describe('cleanLog', () => {
  it('keeps each key’s latest record at its offset, keeps tombstones until delete.retention.ms has passed', async () => {
    const l = open();
    writeVersions(l);
    const before = await readAll(l);
    const end = l.logEndOffset;
    const stats = await cleanLog(l, { now: T0 + 1000 });
    expect(stats.recordsRemoved).toBeGreaterThan(40);
    const after = await readAll(l);
    expect(l.logEndOffset).toBe(end);
    expect(l.logStartOffset).toBe(0);
    const sealedEnd = l.sealedSegments().at(-1)!.nextOffset;
    const cleaned = after.records.filter((r) => r.offset < sealedEnd && r.key?.startsWith('k'));
    expect(cleaned).toEqual([
      { offset: 45, key: 'k0', value: 'v9-0' },
      { offset: 46, key: 'k1', value: 'v9-1' },
      { offset: 47, key: 'k2', value: 'v9-2' },
      { offset: 49, key: 'k4', value: 'v9-4' },
      { offset: 50, key: 'k3', value: null },
    ]);
    // every record that stays is the one that was at that offset before
    const byOffset = new Map(before.records.map((r) => [r.offset, r]));
    for (const r of after.records) expect(byOffset.get(r.offset)).toEqual(r);

    await cleanLog(l, { now: T0 + 1000 + DAY + 1 });
    const later = await readAll(l);
    expect(later.records.some((r) => r.key === 'k3')).toBe(false);
    expect(later.records.find((r) => r.key === 'k4')).toEqual({ offset: 49, key: 'k4', value: 'v9-4' });
    expect(l.logStartOffset).toBe(0);
  });

  it('never touches the active segment, and survives a reopen', async () => {
    const l = open();
    writeVersions(l);
    l.append(batch([['k0', 'a'], ['k0', 'b']]));
    const activeBefore = l.logEndOffset;
    await cleanLog(l, { now: T0 + 1000 });
    const { records } = await readAll(l);
    expect(records.filter((r) => r.offset >= activeBefore - 2).map((r) => r.value)).toEqual(['a', 'b']);
    l.close();
    const reopened = open();
    expect((await readAll(reopened)).records).toEqual(records);
  });

  for (const codec of ['gzip', 'zstd', 'lz4', 'snappy'] as const) {
    it(`rewrites ${codec} batches in ${codec}`, async () => {
      const l = open();
      const codes = { gzip: 1, snappy: 2, lz4: 3, zstd: 4 };
      // The builder compresses only gzip itself; the others are rewritten from it by the cleaner's own path.
      for (let round = 0; round < 6; round++) l.append(batch([['a', `a${round}`], ['b', `b${round}`]], { compression: 'gzip' }));
      for (let i = 0; i < 8; i++) l.append(batch([[`f${i}`, 'y'.repeat(100)]]));
      if (codec !== 'gzip') await recompressAll(l, codec);
      await cleanLog(l, { now: T0 + 1000 });
      const { records, batches } = await readAll(l);
      expect(records.filter((r) => r.key === 'a' || r.key === 'b')).toEqual([
        { offset: 10, key: 'a', value: 'a5' },
        { offset: 11, key: 'b', value: 'b5' },
      ]);
      const rewritten = batches.find((b) => b.baseOffset === 10)!;
      expect(rewritten.compression).toBe(codes[codec]);
    });
  }

  it('keeps a producer’s last batch as an empty batch, with its sequence; drops its earlier emptied batches', async () => {
    const l = open();
    const producer = { producerId: 9, producerEpoch: 0 };
    l.append(batch([['a', '1']], { ...producer, baseSequence: 0 }));
    l.append(batch([['a', '2']], { ...producer, baseSequence: 1 }));
    l.append(batch([['a', '3']], { producerId: 10, producerEpoch: 0, baseSequence: 0 }));
    for (let i = 0; i < 8; i++) l.append(batch([[`f${i}`, 'z'.repeat(100)]]));
    await cleanLog(l, { now: T0 + 1000 });
    const { batches, records } = await readAll(l);
    expect(records.filter((r) => r.key === 'a')).toEqual([{ offset: 2, key: 'a', value: '3' }]);
    const ofProducer9 = batches.filter((b) => b.producerId === 9);
    expect(ofProducer9.map((b) => [b.baseOffset, b.recordCount, b.baseSequence])).toEqual([[1, 0, 1]]);
  });

  it('keeps control and transactional batches whole', async () => {
    const l = open();
    l.append(batch([['t', 'in-txn']], { producerId: 3, producerEpoch: 0, baseSequence: 0, transactional: true }));
    l.append(batch([['t', 'later']]));
    l.append(batch([[Buffer.from([0, 0, 0, 1]).toString('latin1'), null]], { producerId: 3, producerEpoch: 0, transactional: true, control: true }));
    for (let i = 0; i < 8; i++) l.append(batch([[`f${i}`, 'z'.repeat(100)]]));
    await cleanLog(l, { now: T0 + 1000 });
    const { batches } = await readAll(l);
    expect(batches.filter((b) => b.isTransactional).map((b) => [b.baseOffset, b.isControl])).toEqual([
      [0, false],
      [2, true],
    ]);
  });

  it('waits for min.compaction.lag.ms and min.cleanable.dirty.ratio', async () => {
    const l = open({ minCompactionLagMs: DAY });
    writeVersions(l);
    expect((await cleanLog(l, { now: T0 + 1000 })).recordsRemoved).toBe(0);
    expect((await cleanLog(l, { now: T0 + DAY + 1000 })).recordsRemoved).toBeGreaterThan(0);
    const state = readCleanerState(l.dir);
    expect(state.firstDirtyOffset).toBe(l.sealedSegments().at(-1)!.nextOffset);
    expect(cleanability(l, state, T0 + DAY + 1000).dirtyRatio).toBe(0);
  });

  it('does nothing to a delete-policy log', async () => {
    const l = open({ cleanupPolicy: 'delete' });
    writeVersions(l);
    expect(await cleanLog(l, { now: T0 + 1000 })).toMatchObject({ recordsRemoved: 0, segmentsReplaced: 0 });
  });
});

describe('cleanLog crash safety', () => {
  const steps: SwapStep[] = ['staged', 'marked', 'old-deleted', 'log-moved'];
  for (const step of steps) {
    it(`a crash at "${step}" leaves the old or the cleaned log after recovery, nothing else`, async () => {
      const l = open();
      writeVersions(l);
      const before = (await readAll(l)).records;
      const crash = new Error(`crash at ${step}`);
      await expect(
        cleanLog(l, {
          now: T0 + 1000,
          swapHook: (s) => {
            if (s === step) throw crash;
          },
        }),
      ).rejects.toBe(crash);
      log = null; // the crashed instance is abandoned, as a killed process would leave it
      const recovered = PartitionLog.open(tmp.dir, testConfig(compacted), captureLogger());
      log = recovered;
      const after = (await readAll(recovered)).records;
      expect(existsSync(join(tmp.dir, STAGING_DIR))).toBe(false);
      expect(recovered.logEndOffset).toBe(before.at(-1)!.offset + 1);
      const byOffset = new Map(before.map((r) => [r.offset, r]));
      for (const r of after) expect(byOffset.get(r.offset)).toEqual(r);
      // Latest value of every key is there either way.
      const latest = (rs: Stored[]) => Object.fromEntries(rs.map((r) => [r.key, r.value]));
      expect(latest(after)).toEqual(latest(before));
      if (step === 'staged') expect(after).toEqual(before);
      else expect(after.length).toBeLessThan(before.length);
    });
  }
});

/** Rewrites every batch of the log's sealed segments into `codec` by cleaning with nothing to drop. */
async function recompressAll(l: PartitionLog, codec: 'zstd' | 'lz4' | 'snappy'): Promise<void> {
  const { rewriteBatch } = await import('@sluice/kafka-protocol');
  const { chunks } = l.read(0, 1 << 30, true);
  const all: Buffer[] = [];
  for (const chunk of chunks) {
    for (const b of iterateBatches(chunk)) {
      all.push(b.compression === 1 ? await rewriteBatch(b, await decodeRecordsAsync(chunk, b.offset), codec) : Buffer.from(b.bytes()));
    }
  }
  l.close();
  tmp.cleanup();
  tmp = tempDir('sluice-cleaner-');
  const fresh = open();
  for (const b of all) fresh.append(b);
  expect(l).not.toBe(fresh);
  Object.assign(l, fresh);
}
