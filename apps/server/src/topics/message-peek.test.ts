import { describe, expect, it } from 'vitest';
import { mergePeeked, planPeek, type PeekedMessage } from './message-peek.js';

const partitions = [
  { partition: 0, earliestOffset: 0, endOffset: 100 },
  { partition: 1, earliestOffset: 40, endOffset: 45 },
  { partition: 2, earliestOffset: 7, endOffset: 7 },
];

describe('planPeek', () => {
  it('reads the newest records of every partition when no offset is given', () => {
    expect(planPeek(partitions, { limit: 10 })).toEqual([
      { partition: 0, from: 90, to: 100 },
      { partition: 1, from: 40, to: 45 },
    ]);
  });

  it('reads from the offset, clamped to what the log still holds', () => {
    expect(planPeek(partitions, { partition: 0, offset: 95, limit: 10 })).toEqual([{ partition: 0, from: 95, to: 100 }]);
    expect(planPeek(partitions, { partition: 1, offset: 3, limit: 2 })).toEqual([{ partition: 1, from: 40, to: 42 }]);
    expect(planPeek(partitions, { partition: 0, offset: 500, limit: 10 })).toEqual([]);
  });

  it('plans nothing for an empty partition', () => {
    expect(planPeek(partitions, { partition: 2, limit: 10 })).toEqual([]);
  });
});

describe('mergePeeked', () => {
  const message = (partition: number, offset: number, timestamp: number): PeekedMessage => ({
    partition,
    offset,
    timestamp,
    key: { format: 'null', value: null },
    value: { format: 'string', value: `${partition}:${offset}` },
    headers: {},
  });

  it('keeps the newest records across partitions, oldest first', () => {
    const merged = mergePeeked([message(0, 5, 300), message(1, 1, 100), message(0, 4, 200), message(1, 2, 400)], { limit: 3 });
    expect(merged.map((m) => [m.partition, m.offset])).toEqual([
      [0, 4],
      [0, 5],
      [1, 2],
    ]);
  });

  it('keeps the first records after an offset, by offset within a partition', () => {
    const merged = mergePeeked([message(0, 7, 1), message(0, 5, 9), message(0, 6, 5)], { partition: 0, offset: 5, limit: 2 });
    expect(merged.map((m) => m.offset)).toEqual([5, 6]);
  });
});
