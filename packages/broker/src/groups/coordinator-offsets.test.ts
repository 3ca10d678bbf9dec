import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode as E } from '@sluice/kafka-protocol';
import { flush, harness, joinAsNewMember, joinParams, subscription, type Harness } from './test-support.js';
import type { OffsetCommitParams } from './types.js';

const G = 'offsets-app';
let h: Harness;

beforeEach(() => {
  h = harness();
});
afterEach(() => h.cleanup());

function commit(over: Partial<OffsetCommitParams> & { offsets?: Record<string, number[]> }): OffsetCommitParams {
  const offsets = over.offsets ?? { orders: [10, 20] };
  return {
    groupId: G,
    generationId: -1,
    memberId: '',
    groupInstanceId: null,
    topics: Object.entries(offsets).map(([name, offs]) => ({
      name,
      partitions: offs.map((o, i) => ({ partitionIndex: i, committedOffset: o, committedLeaderEpoch: -1, committedMetadata: `m${o}` })),
    })),
    ...over,
  };
}

const errorsOf = (r: { topics: { partitions: { errorCode: number }[] }[] }) => r.topics.flatMap((t) => t.partitions.map((p) => p.errorCode));

/** One member, Stable at generation 1, subscribed to `orders`. */
async function stableMember() {
  const m = await joinAsNewMember(h.coord, G);
  h.clock.advance(0);
  await flush();
  await h.coord.syncGroup({ groupId: G, generationId: 1, memberId: m.memberId, groupInstanceId: null, assignments: [] });
  return m.memberId;
}

describe('GroupCoordinator offsets', () => {
  it('stores a simple commit (no generation) in a new empty group, and fetches it', async () => {
    expect(errorsOf(await h.coord.commitOffsets(commit({})))).toEqual([0, 0]);
    expect(h.coord.listGroups()).toEqual([{ groupId: G, protocolType: '', groupState: 'Empty' }]);
    const all = h.coord.fetchOffsets(G, null);
    expect(all.topics).toEqual([
      {
        name: 'orders',
        partitions: [
          { partitionIndex: 0, committedOffset: 10, committedLeaderEpoch: -1, metadata: 'm10', errorCode: 0 },
          { partitionIndex: 1, committedOffset: 20, committedLeaderEpoch: -1, metadata: 'm20', errorCode: 0 },
        ],
      },
    ]);
    const some = h.coord.fetchOffsets(G, [{ name: 'orders', partitionIndexes: [1, 5] }, { name: 'other', partitionIndexes: [0] }]);
    expect(some.topics.map((t) => t.partitions.map((p) => p.committedOffset))).toEqual([[20, -1], [-1]]);
    expect(h.coord.fetchOffsets('nobody', null).topics).toEqual([]);
  });

  it('drops every group\'s offsets of a deleted topic, and an empty group left with none', async () => {
    await h.coord.commitOffsets(commit({ offsets: { orders: [1, 2], kept: [3] } }));
    await h.coord.commitOffsets(commit({ groupId: 'only-orders', offsets: { orders: [5] } }));
    h.coord.forgetTopic('orders');
    expect(h.coord.fetchOffsets(G, null).topics.map((t) => t.name)).toEqual(['kept']);
    expect(h.coord.listGroups().map((g) => g.groupId)).toEqual([G]);
  });

  it('checks member and generation on commits to an active group', async () => {
    const memberId = await stableMember();
    expect(errorsOf(await h.coord.commitOffsets(commit({ generationId: 1, memberId })))).toEqual([0, 0]);
    expect(errorsOf(await h.coord.commitOffsets(commit({ generationId: 2, memberId })))).toEqual([E.ILLEGAL_GENERATION, E.ILLEGAL_GENERATION]);
    expect(errorsOf(await h.coord.commitOffsets(commit({ generationId: 1, memberId: 'intruder' })))).toEqual([E.UNKNOWN_MEMBER_ID, E.UNKNOWN_MEMBER_ID]);
    // An outsider's simple commit to a group with members is refused.
    expect(errorsOf(await h.coord.commitOffsets(commit({})))).toEqual([E.UNKNOWN_MEMBER_ID, E.UNKNOWN_MEMBER_ID]);
    // A member of a group that no longer exists.
    expect(errorsOf(await h.coord.commitOffsets(commit({ groupId: 'gone', generationId: 3, memberId: 'x' })))).toEqual([E.ILLEGAL_GENERATION, E.ILLEGAL_GENERATION]);
    expect(h.coord.fetchOffsets(G, null).topics[0].partitions.map((p) => p.committedOffset)).toEqual([10, 20]);
  });

  it('answers REBALANCE_IN_PROGRESS to commits between JoinGroup and SyncGroup', async () => {
    const m = await joinAsNewMember(h.coord, G);
    h.clock.advance(0);
    await flush();
    const r = await h.coord.commitOffsets(commit({ generationId: 1, memberId: m.memberId }));
    expect(errorsOf(r)).toEqual([E.REBALANCE_IN_PROGRESS, E.REBALANCE_IN_PROGRESS]);
  });

  it('keeps a committing member alive (commits count as heartbeats)', async () => {
    const memberId = await stableMember();
    for (let i = 0; i < 4; i++) {
      h.clock.advance(8_000);
      expect(errorsOf(await h.coord.commitOffsets(commit({ generationId: 1, memberId })))).toEqual([0, 0]);
    }
    expect(h.coord.describeGroups([G])[0].groupState).toBe('Stable');
  });

  it('refuses metadata above the size limit, per partition', async () => {
    const big = commit({});
    big.topics[0].partitions[1].committedMetadata = 'x'.repeat(4097);
    expect(errorsOf(await h.coord.commitOffsets(big))).toEqual([0, E.OFFSET_METADATA_TOO_LARGE]);
  });

  it('keeps committed offsets and the group across a restart', async () => {
    const memberId = await stableMember();
    await h.coord.commitOffsets(commit({ generationId: 1, memberId, offsets: { orders: [5, 6, 7] } }));
    const reopened = h.reopen();
    expect(reopened.listGroups()).toEqual([{ groupId: G, protocolType: 'consumer', groupState: 'Empty' }]);
    expect(reopened.fetchOffsets(G, null).topics[0].partitions.map((p) => [p.committedOffset, p.metadata])).toEqual([
      [5, 'm5'], [6, 'm6'], [7, 'm7'],
    ]);
    // The old member is gone after the restart; it must rejoin, and the generation moves on.
    expect(errorsOf(await reopened.commitOffsets(commit({ generationId: 1, memberId })))).toEqual([E.UNKNOWN_MEMBER_ID, E.UNKNOWN_MEMBER_ID]);
    const m = await joinAsNewMember(reopened, G);
    h.clock.advance(0);
    await flush();
    expect(m.join.value.generationId).toBe(2);
  });

  it('deletes a group with its offsets, also on disk', async () => {
    await h.coord.commitOffsets(commit({}));
    expect(h.coord.deleteGroups([G])).toEqual([{ groupId: G, errorCode: 0 }]);
    expect(h.coord.listGroups()).toEqual([]);
    expect(h.coord.fetchOffsets(G, null).topics).toEqual([]);
    expect(h.reopen().fetchOffsets(G, null).topics).toEqual([]);
    expect(h.coord.deleteGroups([G])).toEqual([{ groupId: G, errorCode: E.GROUP_ID_NOT_FOUND }]);
  });

  it('deletes offsets of an empty group, and of unsubscribed topics only in an active one', async () => {
    await h.coord.commitOffsets(commit({ offsets: { orders: [1, 2], audit: [3] } }));
    const memberId = (await joinAsNewMember(h.coord, G, { protocols: [{ name: 'range', metadata: subscription(['orders']) }] })).memberId;
    h.clock.advance(0);
    await flush();
    expect(h.coord.describeGroups([G])[0].members.map((m) => m.memberId)).toEqual([memberId]);
    const res = h.coord.deleteOffsets(G, [{ name: 'orders', partitionIndexes: [0] }, { name: 'audit', partitionIndexes: [0] }]);
    expect(res).toEqual({
      errorCode: 0,
      topics: [
        { name: 'orders', partitions: [{ partitionIndex: 0, errorCode: E.GROUP_SUBSCRIBED_TO_TOPIC }] },
        { name: 'audit', partitions: [{ partitionIndex: 0, errorCode: 0 }] },
      ],
    });
    expect(h.coord.fetchOffsets(G, null).topics.map((t) => t.name)).toEqual(['orders']);
    h.coord.leaveGroup(G, [{ memberId, groupInstanceId: null }]);
    expect(h.coord.deleteOffsets(G, [{ name: 'orders', partitionIndexes: [0] }]).topics[0].partitions[0].errorCode).toBe(0);
    expect(h.reopen().fetchOffsets(G, null).topics[0].partitions.map((p) => p.partitionIndex)).toEqual([1]);
    expect(h.coord.deleteOffsets('nobody', []).errorCode).toBe(E.GROUP_ID_NOT_FOUND);
  });

  it('refuses OffsetDelete on an active group of another protocol type', async () => {
    await joinAsNewMember(h.coord, G, { protocolType: 'connect' });
    h.clock.advance(0);
    await flush();
    expect(h.coord.deleteOffsets(G, [{ name: 'orders', partitionIndexes: [0] }])).toEqual({ errorCode: E.NON_EMPTY_GROUP, topics: [] });
  });

  it('validates the group id where Kafka does', async () => {
    expect((await h.coord.joinGroup(joinParams(''))).errorCode).toBe(E.INVALID_GROUP_ID);
    // Offset commits accept the empty group id, as Kafka does for old clients.
    expect(errorsOf(await h.coord.commitOffsets(commit({ groupId: '' })))).toEqual([0, 0]);
  });
});
