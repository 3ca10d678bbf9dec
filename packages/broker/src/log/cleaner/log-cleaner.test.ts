import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRecordBatch } from '@sluice/kafka-protocol';
import { PartitionLog } from '../partition-log.js';
import { captureLogger, tempDir, testConfig } from '../testing/fixtures.js';
import { LogCleaner } from './log-cleaner.js';

const T0 = 1_700_000_000_000;
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('sluice-log-cleaner-');
});
afterEach(() => tmp.cleanup());

function fill(log: PartitionLog) {
  for (let round = 0; round < 10; round++) log.append(buildRecordBatch([{ key: 'k', value: `v${round}`.repeat(20), timestamp: T0 }]));
  for (let i = 0; i < 6; i++) log.append(buildRecordBatch([{ key: `f${i}`, value: 'x'.repeat(150), timestamp: T0 }]));
}

describe('LogCleaner', () => {
  it('cleans compacted logs whose dirty ratio reaches min.cleanable.dirty.ratio, and skips the others', async () => {
    const logger = captureLogger();
    const config = { cleanupPolicy: 'compact' as const, segmentBytes: 400, minCleanableDirtyRatio: 0.5 };
    const compacted = PartitionLog.open(`${tmp.dir}/a-0`, testConfig(config), logger);
    const plain = PartitionLog.open(`${tmp.dir}/b-0`, testConfig({ ...config, cleanupPolicy: 'delete' }), logger);
    fill(compacted);
    fill(plain);
    const cleaner = new LogCleaner(() => [compacted, plain], 60_000, logger, () => T0 + 1000);
    const first = await cleaner.runOnce();
    expect(first.recordsRemoved).toBe(9);
    expect(logger.lines.some((l) => l.includes('cleaned') && l.includes('a-0'))).toBe(true);
    // Nothing dirty is left: the next round does nothing.
    expect((await cleaner.runOnce()).segmentsReplaced).toBe(0);
    await cleaner.stop();
    compacted.close();
    plain.close();
  });

  it('cleans below the dirty ratio once a dirty record is older than max.compaction.lag.ms', async () => {
    const logger = captureLogger();
    const log = PartitionLog.open(
      `${tmp.dir}/d-0`,
      testConfig({ cleanupPolicy: 'compact', segmentBytes: 400, minCleanableDirtyRatio: 1, maxCompactionLagMs: 60_000 }),
      logger,
    );
    fill(log);
    log.append(buildRecordBatch([{ key: 'k', value: 'latest' }], { timestamp: T0 }));
    const early = new LogCleaner(() => [log], 60_000, logger, () => T0 + 1000);
    const ratioOnly = new LogCleaner(() => [log], 60_000, logger, () => T0 + 59_000);
    expect((await ratioOnly.runOnce()).recordsRemoved).toBeGreaterThan(0); // ratio 1 reached on a fresh log
    fill(log); // dirty again, ratio now below 1
    expect((await early.runOnce()).recordsRemoved).toBe(0);
    const late = new LogCleaner(() => [log], 60_000, logger, () => T0 + 61_000);
    expect((await late.runOnce()).recordsRemoved).toBeGreaterThan(0);
    log.close();
  });

  it('skips a log deleted during the round without logging a failure', async () => {
    const logger = captureLogger();
    const log = PartitionLog.open(`${tmp.dir}/c-0`, testConfig({ cleanupPolicy: 'compact', segmentBytes: 400 }), logger);
    fill(log);
    const cleaner = new LogCleaner(() => [log], 60_000, logger, () => T0 + 1000);
    const round = cleaner.runOnce();
    log.delete();
    await round;
    expect(logger.lines.filter((l) => l.startsWith('WARN'))).toEqual([]);
  });
});
