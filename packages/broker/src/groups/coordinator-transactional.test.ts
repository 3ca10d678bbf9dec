import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode as E } from '@sluice/kafka-protocol';
import { flush, harness, joinAsNewMember, type Harness } from './test-support.js';

// What the transaction coordinator asks of the groups: KIP-447 member checks for TxnOffsetCommit,
// and storing a committed transaction's offsets.

const G = 'eos-app';
let h: Harness;

beforeEach(() => {
  h = harness();
});
afterEach(() => h.cleanup());

describe('GroupCoordinator for transactions', () => {
  it('checks a transactional commit\'s member and generation against the group', async () => {
    const m = await joinAsNewMember(h.coord, G);
    h.clock.advance(0);
    await flush();
    await h.coord.syncGroup({ groupId: G, generationId: 1, memberId: m.memberId, groupInstanceId: null, assignments: [] });
    expect(h.coord.validateTransactionalMember(G, 1, m.memberId, null)).toBe(E.NONE);
    expect(h.coord.validateTransactionalMember(G, 0, m.memberId, null)).toBe(E.ILLEGAL_GENERATION);
    expect(h.coord.validateTransactionalMember(G, 1, 'someone-else', null)).toBe(E.UNKNOWN_MEMBER_ID);
    expect(h.coord.validateTransactionalMember('no-such-group', 3, 'x', null)).toBe(E.ILLEGAL_GENERATION);
  });

  it('stores a committed transaction\'s offsets whatever the group\'s state', () => {
    h.coord.commitTransactionalOffsets(G, [{ topic: 'in', partition: 2, offset: 41, leaderEpoch: -1, metadata: '' }]);
    const fetched = h.coord.fetchOffsets(G, [{ name: 'in', partitionIndexes: [2] }]);
    expect(fetched.topics[0]!.partitions[0]!.committedOffset).toBe(41);
  });
});
