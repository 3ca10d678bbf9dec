import { existsSync, readFileSync, readdirSync, statSync, truncateSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartitionLog } from './partition-log.js';
import { batchOf, captureLogger, readValues, tempDir, testConfig, type CapturedLogger } from './testing/fixtures.js';

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

const config = { segmentBytes: 800, indexIntervalBytes: 100 };
const files = (suffix: string) => readdirSync(tmp.dir).filter((n) => n.endsWith(suffix)).sort();
const lastLogFile = () => join(tmp.dir, files('.log').at(-1)!);

/** Appends batches of two records each ("v<offset>") and returns the abandoned log, as after a crash. */
function writeAndCrash(batches: number): PartitionLog {
  const l = PartitionLog.open(tmp.dir, testConfig(config), captureLogger());
  for (let i = 0; i < batches; i++) l.append(batchOf([`v${2 * i}`, `v${2 * i + 1}`], 1000 * i));
  return l;
}

function reopen(): { log: PartitionLog; logger: CapturedLogger } {
  const logger = captureLogger();
  log = PartitionLog.open(tmp.dir, testConfig(config), logger);
  return { log, logger };
}

const expected = (n: number) => Array.from({ length: n }, (_, offset) => ({ offset, value: `v${offset}` }));
const warnings = (logger: CapturedLogger) => logger.lines.filter((l) => l.startsWith('WARN'));

describe('recovery', () => {
  it('truncates a torn tail (file cut mid-batch) and carries on from there', () => {
    writeAndCrash(20);
    const path = lastLogFile();
    truncateSync(path, statSync(path).size - 7);
    const { log: l, logger } = reopen();
    expect(l.logEndOffset).toBe(38);
    expect(readValues(l)).toEqual(expected(38));
    const warn = warnings(logger);
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatch(/truncated \d+ byte\(s\) at offset 38 \(incomplete batch/);
    expect(l.append(batchOf(['again'])).baseOffset).toBe(38);
  });

  it('drops a last batch whose bytes were corrupted', () => {
    writeAndCrash(20);
    const path = lastLogFile();
    const bytes = readFileSync(path);
    bytes[bytes.length - 2] ^= 0xff;
    writeFileSync(path, bytes);
    const { log: l, logger } = reopen();
    expect(l.logEndOffset).toBe(38);
    expect(readValues(l)).toEqual(expected(38));
    expect(warnings(logger).join('\n')).toMatch(/CRC-32C mismatch in the batch at offset 38/);
  });

  it('drops trailing garbage after the last batch', () => {
    writeAndCrash(5);
    appendFileSync(lastLogFile(), Buffer.alloc(300));
    const { log: l, logger } = reopen();
    expect(l.logEndOffset).toBe(10);
    expect(warnings(logger)).toHaveLength(1);
  });

  it('cuts at corruption in an earlier segment and removes the segments after it', () => {
    writeAndCrash(30);
    const segs = files('.log');
    expect(segs.length).toBeGreaterThan(3);
    const second = join(tmp.dir, segs[1]);
    const secondBase = Number(segs[1].slice(0, 20));
    const bytes = readFileSync(second);
    bytes[70] ^= 0x01; // inside the first batch's records
    writeFileSync(second, bytes);
    const { log: l, logger } = reopen();
    expect(l.logEndOffset).toBe(secondBase);
    expect(l.segmentCount).toBe(2);
    expect(files('.log')).toEqual(segs.slice(0, 2));
    expect(readValues(l)).toEqual(expected(secondBase));
    expect(warnings(logger)[0]).toMatch(/removed \d+ later segment/);
  });

  it('survives a segment file of pure garbage', () => {
    writeFileSync(join(tmp.dir, '00000000000000000000.log'), Buffer.from('this is not a kafka log at all, not even close'.repeat(10)));
    const { log: l } = reopen();
    expect([l.logStartOffset, l.logEndOffset]).toEqual([0, 0]);
    l.append(batchOf(['fresh']));
    expect(readValues(l)).toEqual([{ offset: 0, value: 'fresh' }]);
  });

  it('rebuilds missing index files', () => {
    const l = writeAndCrash(30);
    l.close();
    for (const name of [...files('.index'), ...files('.timeindex')]) unlinkSync(join(tmp.dir, name));
    const { log: again, logger } = reopen();
    expect(readValues(again)).toEqual(expected(60));
    expect(again.offsetForTimestamp(20_000)).toBe(40);
    expect(warnings(logger).join('\n')).toMatch(/rebuilding the indexes/);
    expect(files('.index')).toHaveLength(files('.log').length);
    expect(files('.timeindex')).toHaveLength(files('.log').length);
    expect(statSync(join(tmp.dir, files('.index')[0])).size).toBeGreaterThan(0);
    // The rebuilt files are complete: after another reopen every time lookup still lands right.
    again.close();
    const { log: third } = reopen();
    for (let i = 0; i < 30; i++) expect(third.offsetForTimestamp(1000 * i)).toBe(2 * i);
    expect(third.offsetForTimestamp(29_002)).toBeNull();
  });

  it('rebuilds index files that contradict the log', () => {
    const l = writeAndCrash(30);
    l.close();
    const index = join(tmp.dir, files('.index')[0]);
    const bytes = readFileSync(index);
    expect(bytes.length).toBeGreaterThanOrEqual(16);
    bytes.writeInt32BE(0x7fffff00, bytes.length - 4); // a position past the end of the segment
    writeFileSync(index, bytes);
    writeFileSync(join(tmp.dir, files('.timeindex')[0]), Buffer.alloc(5)); // not a whole entry
    const { log: again, logger } = reopen();
    expect(readValues(again)).toEqual(expected(60));
    expect(again.offsetForTimestamp(2000)).toBe(4);
    expect(warnings(logger).join('\n')).toMatch(/rebuilding the indexes/);
  });

  it('recovers after a crash with nothing damaged, without warnings', () => {
    writeAndCrash(30);
    const { log: l, logger } = reopen();
    expect(readValues(l)).toEqual(expected(60));
    expect(warnings(logger)).toEqual([]);
    expect(l.offsetForTimestamp(29_000)).toBe(58);
  });

  it('flush() records a recovery point and close() marks the shutdown clean', () => {
    const l = writeAndCrash(3);
    const checkpoint = join(tmp.dir, 'recovery-point.checkpoint');
    l.flush();
    expect(JSON.parse(readFileSync(checkpoint, 'utf8'))).toEqual({ recoveryPoint: 6, cleanShutdown: false });
    l.close();
    expect(JSON.parse(readFileSync(checkpoint, 'utf8'))).toEqual({ recoveryPoint: 6, cleanShutdown: true });
    reopen();
    expect(JSON.parse(readFileSync(checkpoint, 'utf8')).cleanShutdown).toBe(false);
    expect(existsSync(`${checkpoint}.tmp`)).toBe(false);
  });
});
