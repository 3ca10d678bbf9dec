import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, buildRecordBatch } from '@sluice/kafka-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { PartitionLog } from '../log/index.js';
import { batchOf, captureLogger, tempDir, testConfig } from '../log/testing/fixtures.js';
import { PartitionProducers } from './partition-producers.js';
import { PRODUCER_SNAPSHOT } from './snapshot-file.js';

const dirs: { cleanup(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

function openLog(dir?: string) {
  const t = dir ? { dir, cleanup() {} } : tempDir('sluice-producers-');
  dirs.push(t);
  return PartitionLog.open(t.dir, testConfig(), captureLogger());
}

const idempotent = (pid: number, seq: number, n: number, transactional = false) =>
  buildRecordBatch(Array.from({ length: n }, (_, i) => ({ value: `v${seq + i}` })), { producerId: pid, producerEpoch: 0, baseSequence: seq, transactional });
const anyTxn = () => ErrorCode.NONE;

describe('PartitionProducers', () => {
  it('answers a retried batch with its first offset and writes it once', () => {
    const log = openLog();
    const p = new PartitionProducers(log);
    expect(p.append(idempotent(1, 0, 3), anyTxn)).toEqual({ errorCode: 0, baseOffset: 0, duplicate: false });
    expect(p.append(idempotent(1, 0, 3), anyTxn)).toEqual({ errorCode: 0, baseOffset: 0, duplicate: true });
    expect(log.logEndOffset).toBe(3);
    log.close();
  });

  it('refuses a transactional batch for a partition outside the transaction', () => {
    const log = openLog();
    const p = new PartitionProducers(log);
    const out = p.append(idempotent(1, 0, 1, true), () => ErrorCode.INVALID_TXN_STATE);
    expect(out.errorCode).toBe(ErrorCode.INVALID_TXN_STATE);
    expect(log.logEndOffset).toBe(0);
    log.close();
  });

  it('rebuilds from the log without a snapshot, and from snapshot plus tail with one', () => {
    const log = openLog();
    const dir = log.dir;
    const p = new PartitionProducers(log);
    p.append(idempotent(1, 0, 2, true), anyTxn); // 0-1, open
    p.append(idempotent(2, 0, 2, true), anyTxn); // 2-3, open
    p.writeMarker(1, 0, false, 0); // 4: abort of producer 1
    p.snapshot();
    log.append(batchOf(['plain'])); // 5: after the snapshot, not through the producer state
    p.append(idempotent(3, 0, 1), anyTxn); // 6
    log.close();

    const fromTail = new PartitionProducers(openLog(dir));
    expect(fromTail.lastStableOffset).toBe(2);
    expect(fromTail.abortedTransactions(0, 10)).toEqual([{ producerId: 1, firstOffset: 0, lastOffset: 4 }]);
    expect(fromTail.append(idempotent(3, 0, 1), anyTxn)).toMatchObject({ baseOffset: 6, duplicate: true });
    fromTail.log.close();

    unlinkSync(join(dir, PRODUCER_SNAPSHOT));
    const fromScratch = new PartitionProducers(openLog(dir));
    expect(fromScratch.lastStableOffset).toBe(2);
    expect(fromScratch.abortedTransactions(0, 10)).toHaveLength(1);
    fromScratch.snapshot();
    expect(existsSync(join(dir, PRODUCER_SNAPSHOT))).toBe(true);
    fromScratch.log.close();
  });
});
