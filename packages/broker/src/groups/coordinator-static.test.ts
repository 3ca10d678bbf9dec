import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode as E } from '@sluice/kafka-protocol';
import { flush, harness, joinParams, subscription, track, type Harness } from './test-support.js';

const G = 'static-app';
let h: Harness;

beforeEach(() => {
  h = harness();
});
afterEach(() => h.cleanup());

/** Two static members (instance ids i1, i2) in a Stable generation 1. */
async function stableStaticGroup() {
  const joins = ['i1', 'i2'].map((id) => track(h.coord.joinGroup(joinParams(G, { groupInstanceId: id, clientId: id }))));
  await flush();
  h.clock.advance(0);
  await flush();
  const [j1, j2] = joins.map((j) => j.value);
  const leader = j1.leader;
  const byId = new Map([[j1.memberId, 'i1'], [j2.memberId, 'i2']]);
  await h.coord.syncGroup({
    groupId: G, generationId: 1, memberId: leader, groupInstanceId: byId.get(leader)!,
    assignments: [{ memberId: j1.memberId, assignment: Buffer.from('p0,p1') }, { memberId: j2.memberId, assignment: Buffer.from('p2,p3') }],
  });
  const follower = leader === j1.memberId ? j2 : j1;
  await h.coord.syncGroup({ groupId: G, generationId: 1, memberId: follower.memberId, groupInstanceId: byId.get(follower.memberId)!, assignments: [] });
  return { m1: j1.memberId, m2: j2.memberId, leader };
}

describe('GroupCoordinator static members', () => {
  it('joins static members without MEMBER_ID_REQUIRED, ids prefixed by the instance id', async () => {
    const { m1, m2 } = await stableStaticGroup();
    expect(m1).toMatch(/^i1-/);
    expect(m2).toMatch(/^i2-/);
    expect(h.coord.describeGroups([G])[0].members.map((m) => m.groupInstanceId).sort()).toEqual(['i1', 'i2']);
  });

  it('lets a restarted static member take its old place and assignment without a rebalance', async () => {
    const { m1, m2, leader } = await stableStaticGroup();
    const again = await h.coord.joinGroup(joinParams(G, { groupInstanceId: 'i1', clientId: 'i1' }));
    expect(again).toMatchObject({ errorCode: 0, generationId: 1, leader, members: [] });
    expect(again.memberId).not.toBe(m1);
    const sync = await h.coord.syncGroup({ groupId: G, generationId: 1, memberId: again.memberId, groupInstanceId: 'i1', assignments: [] });
    expect(sync.assignment.toString()).toBe('p0,p1');
    // No rebalance for the other member; the old incarnation is fenced.
    expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: m2, groupInstanceId: 'i2' })).toBe(0);
    expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: m1, groupInstanceId: 'i1' })).toBe(E.FENCED_INSTANCE_ID);
    expect(h.coord.describeGroups([G])[0].groupState).toBe('Stable');
  });

  it('does not tell a restarted leader that it leads', async () => {
    const { m1, m2, leader } = await stableStaticGroup();
    const instance = leader === m1 ? 'i1' : 'i2';
    const again = await h.coord.joinGroup(joinParams(G, { groupInstanceId: instance, clientId: instance }));
    expect(again.leader).toBe(leader);
    expect(again.memberId).not.toBe(leader);
    expect([m1, m2]).toContain(leader);
  });

  it('rebalances when a static member comes back with different protocols', async () => {
    const { m2 } = await stableStaticGroup();
    const rr = { name: 'roundrobin', metadata: subscription(['orders']) };
    const range = { name: 'range', metadata: subscription(['orders']) };
    // i1 now prefers roundrobin but i2 only speaks range: the selected protocol stays; no rebalance.
    const same = await h.coord.joinGroup(joinParams(G, { groupInstanceId: 'i1', protocols: [rr, range] }));
    expect(same.errorCode).toBe(0);
    expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: m2, groupInstanceId: 'i2' })).toBe(0);
    // i2 moves to roundrobin first: now both prefer it, so the protocol would change → rebalance.
    const changed = track(h.coord.joinGroup(joinParams(G, { groupInstanceId: 'i2', protocols: [rr, range] })));
    await flush();
    expect(changed.settled).toBe(false);
    expect(h.coord.describeGroups([G])[0].groupState).toBe('PreparingRebalance');
  });

  it('keeps a static member through a rebalance it misses, until its session expires', async () => {
    const { m1, m2 } = await stableStaticGroup();
    // i1 rejoins as the same member (e.g. to get a new assignment); i2 is silent.
    const rejoin = track(h.coord.joinGroup(joinParams(G, { memberId: m1, groupInstanceId: 'i1' })));
    h.clock.advance(9_000); // i2's session (10 s) has not run out; the rebalance timeout (30 s) neither
    h.coord.heartbeat({ groupId: G, generationId: 1, memberId: m1, groupInstanceId: 'i1' });
    await flush();
    expect(rejoin.settled).toBe(false);
    h.clock.advance(1_000); // i2's session expires: it is removed and the rebalance completes
    await flush();
    expect(rejoin.value).toMatchObject({ errorCode: 0, generationId: 2, leader: m1 });
    expect(rejoin.value.members.map((m) => m.memberId)).toEqual([m1]);
    expect(h.coord.heartbeat({ groupId: G, generationId: 2, memberId: m2, groupInstanceId: 'i2' })).toBe(E.UNKNOWN_MEMBER_ID);
  });

  it('fences a duplicate instance waiting in a rebalance', async () => {
    const { m1 } = await stableStaticGroup();
    const old = track(h.coord.joinGroup(joinParams(G, { memberId: m1, groupInstanceId: 'i1' })));
    await flush();
    const dup = track(h.coord.joinGroup(joinParams(G, { groupInstanceId: 'i1' })));
    await flush();
    expect(old.value.errorCode).toBe(E.FENCED_INSTANCE_ID);
    expect(dup.settled).toBe(false);
  });

  it('removes a static member by instance id (admin LeaveGroup)', async () => {
    await stableStaticGroup();
    const res = h.coord.leaveGroup(G, [
      { memberId: '', groupInstanceId: 'i1' },
      { memberId: '', groupInstanceId: 'nope' },
    ]);
    expect(res.members.map((m) => m.errorCode)).toEqual([0, E.UNKNOWN_MEMBER_ID]);
    expect(h.coord.describeGroups([G])[0].members.map((m) => m.groupInstanceId)).toEqual(['i2']);
  });
});
