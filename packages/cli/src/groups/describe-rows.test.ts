import { describe, expect, it } from 'vitest';
import { buildMemberRows, buildOffsetRows, parseTopicPartitionKey, topicPartitionKey } from './describe-rows.js';

const k = topicPartitionKey;

describe('buildOffsetRows', () => {
  it('lists members by partition count, then committed partitions nobody holds, with lag', () => {
    const members = [
      { memberId: 'small', clientId: 'c', host: '/h1', assignment: [{ topic: 't', partition: 2 }] },
      {
        memberId: 'big',
        clientId: 'c',
        host: '/h2',
        assignment: [
          { topic: 't', partition: 1 },
          { topic: 't', partition: 0 },
        ],
      },
      { memberId: 'idle', clientId: 'c', host: '/h3', assignment: [] },
    ];
    const committed = new Map([
      [k('t', 0), 5n],
      [k('t', 2), 9n],
      [k('old', 0), 1n],
    ]);
    const logEnd = new Map([
      [k('t', 0), 8n],
      [k('t', 1), 4n],
      [k('t', 2), 9n],
    ]);
    const rows = buildOffsetRows('g', members, committed, logEnd);
    expect(rows.map((r) => [r.topic, r.partition, r.currentOffset, r.logEndOffset, r.lag, r.consumerId])).toEqual([
      ['t', 0, '5', '8', '3', 'big'],
      ['t', 1, undefined, '4', undefined, 'big'],
      ['t', 2, '9', '9', '0', 'small'],
      ['old', 0, '1', undefined, undefined, undefined],
    ]);
  });

  it('shows an empty group by its committed offsets alone', () => {
    const rows = buildOffsetRows('g', [], new Map([[k('t', 0), 2n]]), new Map([[k('t', 0), 10n]]));
    expect(rows).toEqual([
      {
        group: 'g',
        topic: 't',
        partition: 0,
        currentOffset: '2',
        logEndOffset: '10',
        lag: '8',
        consumerId: undefined,
        host: undefined,
        clientId: undefined,
      },
    ]);
  });
});

describe('buildMemberRows / keys', () => {
  it('counts partitions per member', () => {
    const rows = buildMemberRows('g', [{ memberId: 'm', clientId: 'c', host: '/h', assignment: [{ topic: 't', partition: 0 }] }]);
    expect(rows).toEqual([{ group: 'g', consumerId: 'm', host: '/h', clientId: 'c', partitions: 1 }]);
  });

  it('round-trips topic-partition keys, dots and dashes included', () => {
    expect(parseTopicPartitionKey(k('a.b-c', 12))).toEqual({ topic: 'a.b-c', partition: 12 });
  });
});
