import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@sluice/kafka-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { TransactionCoordinator } from './coordinator.js';
import type { PendingOffset, TransactionEffects } from './transaction-metadata.js';
import { TransactionStore } from './transaction-store.js';
import { silentLogger } from '../logger.js';


const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A coordinator over a fresh directory, recording the markers and offsets it writes. */
function setup(dir = mkdtempSync(join(tmpdir(), 'txn-coord-'))) {
  dirs.push(dir);
  const markers: string[] = [];
  const committed: PendingOffset[] = [];
  let now = 1_000;
  const effects: TransactionEffects = {
    writeMarker: (t, p, pid, epoch, commit) => (markers.push(`${t}-${p}:${pid}/${epoch}:${commit ? 'commit' : 'abort'}`), true),
    partitionExists: (t) => t !== 'missing',
    commitOffsets: (_g, offsets) => committed.push(...offsets),
    validateGroupMember: (_g, generation) => (generation === 5 ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION),
  };
  const open = () => new TransactionCoordinator(new TransactionStore(dir), effects, silentLogger, { maxTimeoutMs: 60_000, abortCheckIntervalMs: 1_000 }, () => now);
  return { dir, markers, committed, open, advance: (ms: number) => (now += ms) };
}

describe('TransactionCoordinator', () => {
  it('hands out distinct producer ids, also after a restart', () => {
    const s = setup();
    const a = s.open();
    const first = a.initProducerId(null, 0).producerId;
    const second = a.initProducerId(null, 0).producerId;
    expect(second).not.toBe(first);
    const b = s.open();
    const third = b.initProducerId(null, 0).producerId;
    expect([first, second]).not.toContain(third);
  });

  it('commits: markers to every partition, then the pending offsets', () => {
    const s = setup();
    const c = s.open();
    const { producerId: pid, producerEpoch: epoch } = c.initProducerId('t', 30_000);
    expect(c.addPartitions('t', pid, epoch, [['a', 0], ['b', 1]])).toEqual([0, 0]);
    expect(c.checkTransactionalWrite(pid, epoch, 'a', 0)).toBe(ErrorCode.NONE);
    expect(c.checkTransactionalWrite(pid, epoch, 'a', 1)).toBe(ErrorCode.INVALID_TXN_STATE);
    expect(c.addOffsets('t', pid, epoch, 'g')).toBe(0);
    const offsets = [{ topic: 'in', partition: 0, offset: 42, leaderEpoch: -1, metadata: '' }];
    expect(c.txnOffsetCommit({ transactionalId: 't', groupId: 'g', producerId: pid, producerEpoch: epoch, generationId: -1, memberId: '', groupInstanceId: null, offsets })).toBe(0);
    expect(s.committed).toEqual([]);
    expect(c.endTxn('t', pid, epoch, true)).toBe(0);
    expect(s.markers).toEqual([`a-0:${pid}/${epoch}:commit`, `b-1:${pid}/${epoch}:commit`]);
    expect(s.committed).toEqual([{ groupId: 'g', ...offsets[0] }]);
    expect(c.endTxn('t', pid, epoch, true)).toBe(0); // a retry
    expect(c.endTxn('t', pid, epoch, false)).toBe(ErrorCode.INVALID_TXN_STATE);
  });

  it('aborts: markers, and the pending offsets are dropped', () => {
    const s = setup();
    const c = s.open();
    const { producerId: pid, producerEpoch: epoch } = c.initProducerId('t', 30_000);
    c.addPartitions('t', pid, epoch, [['a', 0]]);
    c.addOffsets('t', pid, epoch, 'g');
    c.txnOffsetCommit({ transactionalId: 't', groupId: 'g', producerId: pid, producerEpoch: epoch, generationId: -1, memberId: '', groupInstanceId: null, offsets: [{ topic: 'in', partition: 0, offset: 1, leaderEpoch: -1, metadata: '' }] });
    expect(c.endTxn('t', pid, epoch, false)).toBe(0);
    expect(s.markers).toEqual([`a-0:${pid}/${epoch}:abort`]);
    expect(s.committed).toEqual([]);
  });

  it('fences: a second InitProducerId bumps the epoch and aborts the open transaction', () => {
    const s = setup();
    const c = s.open();
    const old = c.initProducerId('t', 30_000);
    c.addPartitions('t', old.producerId, old.producerEpoch, [['a', 0]]);
    const next = c.initProducerId('t', 30_000);
    expect(next).toEqual({ errorCode: 0, producerId: old.producerId, producerEpoch: old.producerEpoch + 1 });
    expect(s.markers).toEqual([`a-0:${old.producerId}/${next.producerEpoch}:abort`]);
    expect(c.addPartitions('t', old.producerId, old.producerEpoch, [['a', 0]])).toEqual([ErrorCode.INVALID_PRODUCER_EPOCH]);
    expect(c.endTxn('t', old.producerId, old.producerEpoch, true)).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
  });

  it('refuses timeouts above transaction.max.timeout.ms, unknown ids and unknown partitions', () => {
    const s = setup();
    const c = s.open();
    expect(c.initProducerId('t', 60_001).errorCode).toBe(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    expect(c.endTxn('nobody', 1, 0, true)).toBe(ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    const { producerId: pid, producerEpoch: epoch } = c.initProducerId('t', 1_000);
    expect(c.addPartitions('t', pid, epoch, [['a', 0], ['missing', 0]])).toEqual([ErrorCode.OPERATION_NOT_ATTEMPTED, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    expect(c.endTxn('t', pid, epoch, true)).toBe(ErrorCode.INVALID_TXN_STATE); // nothing begun
  });

  it('checks the KIP-447 member generation when a TxnOffsetCommit carries one', () => {
    const s = setup();
    const c = s.open();
    const { producerId: pid, producerEpoch: epoch } = c.initProducerId('t', 30_000);
    c.addOffsets('t', pid, epoch, 'g');
    const commit = (generationId: number) =>
      c.txnOffsetCommit({ transactionalId: 't', groupId: 'g', producerId: pid, producerEpoch: epoch, generationId, memberId: 'm', groupInstanceId: null, offsets: [] });
    expect(commit(4)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(commit(5)).toBe(ErrorCode.NONE);
  });

  it('aborts a transaction open past its timeout and bumps the epoch', () => {
    const s = setup();
    const c = s.open();
    const { producerId: pid, producerEpoch: epoch } = c.initProducerId('t', 5_000);
    c.addPartitions('t', pid, epoch, [['a', 0]]);
    s.advance(4_000);
    expect(c.abortTimedOut()).toBe(0);
    s.advance(2_000);
    expect(c.abortTimedOut()).toBe(1);
    expect(s.markers).toEqual([`a-0:${pid}/${epoch + 1}:abort`]);
    expect(c.endTxn('t', pid, epoch, true)).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
  });

  it('lets a producer whose transaction timed out bump its own epoch (KIP-360), but fences other epochs', () => {
    const s = setup();
    const c = s.open();
    const { producerId: pid, producerEpoch: epoch } = c.initProducerId('t', 5_000);
    c.addPartitions('t', pid, epoch, [['a', 0]]);
    s.advance(6_000);
    c.abortTimedOut();
    const stale = c.initProducerId('t', 5_000, { producerId: pid, producerEpoch: epoch - 1 }, ErrorCode.PRODUCER_FENCED);
    expect(stale.errorCode).toBe(ErrorCode.PRODUCER_FENCED);
    const recovered = c.initProducerId('t', 5_000, { producerId: pid, producerEpoch: epoch }, ErrorCode.PRODUCER_FENCED);
    expect(recovered).toEqual({ errorCode: 0, producerId: pid, producerEpoch: epoch + 2 });
    // Only once: the epoch before the timeout is forgotten after the bump.
    expect(c.initProducerId('t', 5_000, { producerId: pid, producerEpoch: epoch }).errorCode).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    // An idempotent producer's own bump keeps its id.
    expect(c.initProducerId(null, 0, { producerId: 77, producerEpoch: 3 })).toEqual({ errorCode: 0, producerId: 77, producerEpoch: 4 });
  });

  it('keeps open transactions across a restart, and finishes one interrupted mid-EndTxn', () => {
    const s = setup();
    const c = s.open();
    const { producerId: pid, producerEpoch: epoch } = c.initProducerId('t', 30_000);
    c.addPartitions('t', pid, epoch, [['a', 0]]);
    const again = s.open();
    expect(again.checkTransactionalWrite(pid, epoch, 'a', 0)).toBe(ErrorCode.NONE);
    expect(again.endTxn('t', pid, epoch, true)).toBe(0);

    // A crash after the decision was saved but before the markers: the next start writes them.
    const crashed = setup();
    const store = new TransactionStore(crashed.dir);
    store.save({
      nextProducerId: 1000,
      transactions: [{ transactionalId: 'x', producerId: 3, producerEpoch: 2, timeoutMs: 1000, state: 'PrepareCommit', partitions: [['a', 1]], groups: [], pendingOffsets: [], startedAt: 0 }],
    });
    const recovered = crashed.open();
    expect(crashed.markers).toEqual(['a-1:3/2:commit']);
    expect(recovered.describe('x')?.state).toBe('CompleteCommit');
  });
});
