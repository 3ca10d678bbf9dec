import { ErrorCode } from '@sluice/kafka-protocol';
import { describe, expect, it } from 'vitest';
import { PartitionProducerState, nextSequence, type ProducerBatch } from './producer-state.js';

const batch = (over: Partial<ProducerBatch> = {}): ProducerBatch => ({
  producerId: 7,
  producerEpoch: 0,
  baseSequence: 0,
  lastOffsetDelta: 9,
  isTransactional: false,
  ...over,
});

describe('PartitionProducerState', () => {
  it('accepts the first batch of an unknown producer at any sequence, then only the next one', () => {
    const s = new PartitionProducerState();
    expect(s.check(batch({ baseSequence: 40 }))).toEqual({ kind: 'append' });
    s.appended(batch({ baseSequence: 40 }), 100);
    expect(s.check(batch({ baseSequence: 50 }))).toEqual({ kind: 'append' });
    const gap = s.check(batch({ baseSequence: 60 }));
    expect(gap.kind === 'error' && gap.errorCode).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
  });

  it('answers a duplicate of any of the last five batches with its original offset, not older ones', () => {
    const s = new PartitionProducerState();
    for (let i = 0; i < 6; i++) s.appended(batch({ baseSequence: i * 10 }), 1000 + i * 10);
    expect(s.check(batch({ baseSequence: 10 }))).toEqual({ kind: 'duplicate', baseOffset: 1010 });
    expect(s.check(batch({ baseSequence: 50 }))).toEqual({ kind: 'duplicate', baseOffset: 1050 });
    expect(s.check(batch({ baseSequence: 0 })).kind).toBe('error'); // sixth from the end: forgotten
  });

  it('fences older epochs and requires sequence 0 in a new epoch', () => {
    const s = new PartitionProducerState();
    s.appended(batch({ producerEpoch: 3 }), 0);
    const old = s.check(batch({ producerEpoch: 2, baseSequence: 10 }));
    expect(old.kind === 'error' && old.errorCode).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    const bad = s.check(batch({ producerEpoch: 4, baseSequence: 10 }));
    expect(bad.kind === 'error' && bad.errorCode).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    expect(s.check(batch({ producerEpoch: 4, baseSequence: 0 }))).toEqual({ kind: 'append' });
  });

  it('wraps sequences at INT32_MAX', () => {
    expect(nextSequence(0x7fff_ffff)).toBe(0);
    const s = new PartitionProducerState();
    s.appended(batch({ baseSequence: 0x7fff_fffb, lastOffsetDelta: 4 }), 0); // last sequence 0x7fffffff
    expect(s.check(batch({ baseSequence: 0 }))).toEqual({ kind: 'append' });
  });

  it('holds the last stable offset at the oldest open transaction and indexes aborted ones', () => {
    const s = new PartitionProducerState();
    s.appended(batch({ producerId: 1, isTransactional: true }), 10);
    s.appended(batch({ producerId: 2, isTransactional: true }), 20);
    expect(s.lastStableOffset(30)).toBe(10);
    s.marker(1, 0, false, 30);
    expect(s.lastStableOffset(31)).toBe(20);
    s.marker(2, 0, true, 31);
    expect(s.lastStableOffset(32)).toBe(32);
    expect(s.abortedTransactions(0, 32)).toEqual([{ producerId: 1, firstOffset: 10, lastOffset: 30 }]);
    expect(s.abortedTransactions(31, 40)).toEqual([]);
  });

  it('lists overlapping aborted transactions by first offset, only those reaching the range asked', () => {
    const s = new PartitionProducerState();
    s.appended(batch({ producerId: 1, isTransactional: true }), 10);
    s.appended(batch({ producerId: 2, isTransactional: true }), 20);
    s.marker(2, 0, false, 40);
    s.marker(1, 0, false, 50);
    expect(s.abortedTransactions(0, 60).map((a) => a.producerId)).toEqual([1, 2]);
    expect(s.abortedTransactions(45, 60)).toEqual([{ producerId: 1, firstOffset: 10, lastOffset: 50 }]);
    expect(s.abortedTransactions(0, 15)).toEqual([{ producerId: 1, firstOffset: 10, lastOffset: 50 }]);
  });

  it('expires idle producers but never one with an open transaction', () => {
    const s = new PartitionProducerState();
    s.appended(batch({ producerId: 1 }), 0);
    s.appended(batch({ producerId: 2, isTransactional: true }), 10);
    expect(s.expireProducers(Date.now() + 1)).toBe(1);
    expect(s.entry(1)).toBeUndefined();
    expect(s.entry(2)).toBeDefined();
  });

  it('a marker with a bumped epoch restarts the producer at sequence 0 and fences the old epoch', () => {
    const s = new PartitionProducerState();
    s.appended(batch({ isTransactional: true, baseSequence: 5 }), 0);
    s.marker(7, 1, false, 10);
    const zombie = s.check(batch({ producerEpoch: 0, baseSequence: 15 }));
    expect(zombie.kind === 'error' && zombie.errorCode).toBe(ErrorCode.INVALID_PRODUCER_EPOCH);
    expect(s.check(batch({ producerEpoch: 1, baseSequence: 0 }))).toEqual({ kind: 'append' });
  });

  it('round-trips through a snapshot', () => {
    const s = new PartitionProducerState();
    s.appended(batch({ producerId: 1, isTransactional: true }), 0);
    s.appended(batch({ producerId: 2 }), 10);
    s.marker(1, 0, false, 20);
    s.appended(batch({ producerId: 3, isTransactional: true }), 21);
    const copy = PartitionProducerState.fromSnapshot(JSON.parse(JSON.stringify(s.snapshot())));
    expect(copy.lastStableOffset(100)).toBe(21);
    expect(copy.abortedTransactions(0, 100)).toEqual(s.abortedTransactions(0, 100));
    expect(copy.check(batch({ producerId: 2 }))).toEqual({ kind: 'duplicate', baseOffset: 10 });
  });
});
