import { describe, expect, it } from 'vitest';
import { planOffsetReset, ShiftWithoutOffsetError, type PartitionPosition } from './offset-reset.js';

const partitions: PartitionPosition[] = [
  { partition: 1, earliestOffset: 5, endOffset: 50, committed: 40 },
  { partition: 0, earliestOffset: 0, endOffset: 10, committed: null },
];

describe('planOffsetReset', () => {
  it('moves to either end of each partition, in partition order', () => {
    expect(planOffsetReset('t', { to: 'earliest' }, partitions).partitions).toEqual([
      { partition: 0, previousOffset: null, newOffset: 0 },
      { partition: 1, previousOffset: 40, newOffset: 5 },
    ]);
    expect(planOffsetReset('t', { to: 'latest' }, partitions).partitions.map((p) => p.newOffset)).toEqual([10, 50]);
  });

  it('keeps a requested offset inside the log, with a warning per moved partition', () => {
    const plan = planOffsetReset('t', { to: 'offset', value: 20 }, partitions);
    expect(plan.partitions.map((p) => p.newOffset)).toEqual([10, 20]);
    expect(plan.warnings).toEqual(['t[0]: offset 20 is past the end of the log; set to 10']);
  });

  it('shifts from the committed offset and refuses partitions without one', () => {
    const plan = planOffsetReset('t', { to: 'shift', value: -100 }, [partitions[0]!]);
    expect(plan.partitions).toEqual([{ partition: 1, previousOffset: 40, newOffset: 5 }]);
    expect(plan.warnings[0]).toMatch(/before the start of the log; set to 5/);
    expect(() => planOffsetReset('t', { to: 'shift', value: 1 }, partitions)).toThrow(ShiftWithoutOffsetError);
  });
});
