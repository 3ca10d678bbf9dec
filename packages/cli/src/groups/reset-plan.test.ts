import { describe, expect, it } from 'vitest';
import { parseTopicArg, planReset, type PartitionState } from './reset-plan.js';

const partitions: PartitionState[] = [
  { topic: 'b', partition: 0, earliest: 0n, latest: 10n, committed: 4n },
  { topic: 'a', partition: 1, earliest: 5n, latest: 20n },
  { topic: 'a', partition: 0, earliest: 0n, latest: 7n, committed: 7n },
];

const offsets = (plan: ReturnType<typeof planReset>) => plan.offsets.map((o) => `${o.topic}-${o.partition}=${o.offset}`);

describe('planReset', () => {
  it('moves to the earliest or latest offset, sorted by topic and partition', () => {
    expect(offsets(planReset({ kind: 'to-earliest' }, partitions))).toEqual(['a-0=0', 'a-1=5', 'b-0=0']);
    expect(offsets(planReset({ kind: 'to-latest' }, partitions))).toEqual(['a-0=7', 'a-1=20', 'b-0=10']);
  });

  it('keeps committed offsets with --to-current, using the end where there is none', () => {
    expect(offsets(planReset({ kind: 'to-current' }, partitions))).toEqual(['a-0=7', 'a-1=20', 'b-0=4']);
  });

  it('keeps --to-offset within the log and warns as Kafka does', () => {
    const plan = planReset({ kind: 'to-offset', offset: 3n }, partitions);
    expect(offsets(plan)).toEqual(['a-0=3', 'a-1=5', 'b-0=3']);
    expect(plan.warnings).toEqual([
      'New offset (3) is lower than earliest offset for topic partition a-1. Value will be set to 5.',
    ]);
    expect(planReset({ kind: 'to-offset', offset: 100n }, partitions).warnings).toHaveLength(3);
  });

  it('shifts committed offsets and refuses partitions without one', () => {
    const withCommits = partitions.filter((p) => p.committed !== undefined);
    expect(offsets(planReset({ kind: 'shift-by', shift: -2n }, withCommits))).toEqual(['a-0=5', 'b-0=2']);
    expect(offsets(planReset({ kind: 'shift-by', shift: -50n }, withCommits))).toEqual(['a-0=0', 'b-0=0']);
    expect(() => planReset({ kind: 'shift-by', shift: 1n }, partitions)).toThrow(
      'Cannot shift offset for partition a-1 since there is no current committed offset',
    );
  });
});

describe('parseTopicArg', () => {
  it('reads a topic with or without partitions', () => {
    expect(parseTopicArg('orders')).toEqual({ topic: 'orders' });
    expect(parseTopicArg('orders:0,2')).toEqual({ topic: 'orders', partitions: [0, 2] });
  });

  it("rejects malformed arguments with Kafka's messages", () => {
    expect(() => parseTopicArg('orders:')).toThrow("Invalid topic arg 'orders:', expected topic name and partitions");
    expect(() => parseTopicArg('orders:x')).toThrow("Invalid partition 'x' specified in topic arg 'orders:x'");
  });
});
