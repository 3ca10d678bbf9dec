import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode as E } from '@sluice/kafka-protocol';
import { flush, harness, joinAsNewMember, joinParams, subscription, track, type Harness } from './test-support.js';

const G = 'orders-app';
type Joined = Awaited<ReturnType<typeof joinAsNewMember>>;
let h: Harness;

beforeEach(() => {
  h = harness();
});
afterEach(() => h.cleanup());

/** Three members that join together and finish generation 1 (leader assigns a, b, c). */
async function stableGroupOfThree() {
  const ms: Joined[] = [];
  for (const clientId of ['a', 'b', 'c']) ms.push(await joinAsNewMember(h.coord, G, { clientId }));
  h.clock.advance(0); // the initial rebalance delay (0) passes
  await flush();
  const leader = ms[0].join.value.leader;
  const syncs = ms.map((m) =>
    track(
      h.coord.syncGroup({
        groupId: G,
        generationId: 1,
        memberId: m.memberId,
        groupInstanceId: null,
        assignments: m.memberId === leader ? ms.map((x) => ({ memberId: x.memberId, assignment: Buffer.from(`for-${x.memberId}`) })) : [],
      }),
    ),
  );
  await flush();
  return { ms, leader, syncs };
}

describe('GroupCoordinator membership', () => {
  it('takes a single member through join, sync and heartbeats', async () => {
    const first = await h.coord.joinGroup(joinParams(G, { clientId: 'app' }));
    expect(first.errorCode).toBe(E.MEMBER_ID_REQUIRED);
    expect(first.memberId).toMatch(/^app-[0-9a-f-]{36}$/);

    const join = track(h.coord.joinGroup(joinParams(G, { clientId: 'app', memberId: first.memberId })));
    await flush();
    expect(join.settled).toBe(false); // held for the initial delay
    h.clock.advance(0);
    await flush();
    expect(join.value).toMatchObject({ errorCode: 0, generationId: 1, protocolName: 'range', protocolType: 'consumer', leader: first.memberId, memberId: first.memberId });
    expect(join.value.members.map((m) => m.memberId)).toEqual([first.memberId]);

    const sync = await h.coord.syncGroup({
      groupId: G, generationId: 1, memberId: first.memberId, groupInstanceId: null,
      assignments: [{ memberId: first.memberId, assignment: Buffer.from('all') }],
    });
    expect(sync).toMatchObject({ errorCode: 0, protocolName: 'range' });
    expect(sync.assignment.toString()).toBe('all');

    for (let i = 0; i < 5; i++) {
      h.clock.advance(9_000); // within the 10 s session each time
      expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: first.memberId, groupInstanceId: null })).toBe(0);
    }
    expect(h.coord.describeGroups([G])[0]).toMatchObject({ groupState: 'Stable', protocolData: 'range' });
  });

  it('gives three members joining together one generation, and only the leader the member list', async () => {
    const { ms, leader, syncs } = await stableGroupOfThree();
    for (const m of ms) {
      expect(m.join.value).toMatchObject({ errorCode: 0, generationId: 1, leader });
      expect(m.join.value.members.length).toBe(m.memberId === leader ? 3 : 0);
    }
    expect(ms.map((m) => m.memberId)).toContain(leader);
    for (const [i, s] of syncs.entries()) {
      expect(s.value.errorCode).toBe(0);
      expect(s.value.assignment.toString()).toBe(`for-${ms[i].memberId}`);
    }
  });

  it('holds followers\' SyncGroup until the leader sends the assignment', async () => {
    const ms: Joined[] = [];
    for (const clientId of ['a', 'b']) ms.push(await joinAsNewMember(h.coord, G, { clientId }));
    h.clock.advance(0);
    await flush();
    const leader = ms[0].join.value.leader;
    const follower = ms.find((m) => m.memberId !== leader)!;
    const followerSync = track(h.coord.syncGroup({ groupId: G, generationId: 1, memberId: follower.memberId, groupInstanceId: null, assignments: [] }));
    await flush();
    expect(followerSync.settled).toBe(false);
    expect(h.coord.describeGroups([G])[0].groupState).toBe('CompletingRebalance');
    // Only the follower is named: the leader itself gets an empty assignment.
    await h.coord.syncGroup({ groupId: G, generationId: 1, memberId: leader, groupInstanceId: null, assignments: [{ memberId: follower.memberId, assignment: Buffer.from('p0') }] });
    await flush();
    expect(followerSync.value.assignment.toString()).toBe('p0');
  });

  it('makes a new member trigger a rebalance that the others learn about from heartbeats', async () => {
    const { ms } = await stableGroupOfThree();
    const d = await joinAsNewMember(h.coord, G, { clientId: 'd' });
    expect(d.join.settled).toBe(false);
    for (const m of ms) {
      expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: m.memberId, groupInstanceId: null })).toBe(E.REBALANCE_IN_PROGRESS);
    }
    const rejoins = ms.slice(0, 2).map((m) => track(h.coord.joinGroup(joinParams(G, { memberId: m.memberId }))));
    await flush();
    expect(d.join.settled).toBe(false); // c has not rejoined yet
    rejoins.push(track(h.coord.joinGroup(joinParams(G, { memberId: ms[2].memberId }))));
    await flush();
    const all = [...rejoins, d.join];
    for (const j of all) expect(j.value).toMatchObject({ errorCode: 0, generationId: 2 });
    expect(all.filter((j) => j.value.members.length === 4)).toHaveLength(1);
    // The old generation is over.
    expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: ms[0].memberId, groupInstanceId: null })).toBe(E.ILLEGAL_GENERATION);
  });

  it('rebalances when a member leaves', async () => {
    const { ms } = await stableGroupOfThree();
    const left = h.coord.leaveGroup(G, [{ memberId: ms[1].memberId, groupInstanceId: null }]);
    expect(left).toEqual({ errorCode: 0, members: [{ memberId: ms[1].memberId, groupInstanceId: null, errorCode: 0 }] });
    expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: ms[0].memberId, groupInstanceId: null })).toBe(E.REBALANCE_IN_PROGRESS);
    const rejoins = [ms[0], ms[2]].map((m) => track(h.coord.joinGroup(joinParams(G, { memberId: m.memberId }))));
    await flush();
    for (const j of rejoins) expect(j.value).toMatchObject({ errorCode: 0, generationId: 2 });
    expect(h.coord.heartbeat({ groupId: G, generationId: 2, memberId: ms[1].memberId, groupInstanceId: null })).toBe(E.UNKNOWN_MEMBER_ID);
  });

  it('expires a member whose session runs out and rebalances the rest', async () => {
    const { ms } = await stableGroupOfThree();
    const [a, b, c] = ms;
    // a and b keep heartbeating; c went silent (e.g. SIGKILLed).
    for (let t = 0; t < 10_000; t += 3_000) {
      h.clock.advance(3_000);
      for (const m of [a, b]) h.coord.heartbeat({ groupId: G, generationId: 1, memberId: m.memberId, groupInstanceId: null });
    }
    expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: c.memberId, groupInstanceId: null })).toBe(E.UNKNOWN_MEMBER_ID);
    expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: a.memberId, groupInstanceId: null })).toBe(E.REBALANCE_IN_PROGRESS);
    const rejoins = [a, b].map((m) => track(h.coord.joinGroup(joinParams(G, { memberId: m.memberId }))));
    await flush();
    for (const j of rejoins) expect(j.value).toMatchObject({ errorCode: 0, generationId: 2 });
    const leader = rejoins[0].value.leader;
    expect(rejoins.find((j) => j.value.memberId === leader)!.value.members.map((m) => m.memberId).sort()).toEqual([a.memberId, b.memberId].sort());
  });

  it('completes a rebalance without members that never rejoin, after the rebalance timeout', async () => {
    const { ms } = await stableGroupOfThree();
    const d = await joinAsNewMember(h.coord, G, { clientId: 'd' });
    // Only a rejoins; b and c keep heartbeating but ignore the rebalance.
    const a = track(h.coord.joinGroup(joinParams(G, { memberId: ms[0].memberId })));
    for (let t = 0; t < 30_000; t += 5_000) {
      h.clock.advance(5_000);
      for (const m of ms.slice(1)) h.coord.heartbeat({ groupId: G, generationId: 1, memberId: m.memberId, groupInstanceId: null });
    }
    await flush();
    expect(a.value).toMatchObject({ errorCode: 0, generationId: 2 });
    expect(d.join.value).toMatchObject({ errorCode: 0, generationId: 2 });
    expect(h.coord.describeGroups([G])[0].members).toHaveLength(2);
    expect(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: ms[1].memberId, groupInstanceId: null })).toBe(E.UNKNOWN_MEMBER_ID);
  });

  it('does not stay stuck on a member that got an id but never came back', async () => {
    const { ms } = await stableGroupOfThree();
    const ghost = await h.coord.joinGroup(joinParams(G, { clientId: 'ghost' }));
    expect(ghost.errorCode).toBe(E.MEMBER_ID_REQUIRED);
    // The leader rejoins (asks for a new assignment), the others follow.
    const rejoins = ms.map((m) => track(h.coord.joinGroup(joinParams(G, { memberId: m.memberId }))));
    await flush();
    expect(rejoins[0].settled).toBe(false); // waits for the pending id…
    h.clock.advance(10_000); // …until its session timeout
    await flush();
    for (const j of rejoins) expect(j.value).toMatchObject({ errorCode: 0, generationId: 2 });
  });

  it('drops members that never send SyncGroup and rebalances', async () => {
    const ms: Joined[] = [];
    for (const clientId of ['a', 'b']) ms.push(await joinAsNewMember(h.coord, G, { clientId }));
    h.clock.advance(0);
    await flush();
    const leader = ms[0].join.value.leader;
    const leaderSync = track(h.coord.syncGroup({ groupId: G, generationId: 1, memberId: leader, groupInstanceId: null, assignments: [] }));
    await flush();
    // The follower heartbeats but never syncs: after the rebalance timeout it is dropped.
    const follower = ms.find((m) => m.memberId !== leader)!;
    const beats = [];
    for (let t = 0; t < 30_000; t += 5_000) {
      h.clock.advance(5_000);
      beats.push(h.coord.heartbeat({ groupId: G, generationId: 1, memberId: leader, groupInstanceId: null }));
      h.coord.heartbeat({ groupId: G, generationId: 1, memberId: follower.memberId, groupInstanceId: null });
    }
    expect(beats.slice(0, -1).every((b) => b === 0)).toBe(true);
    expect(beats.at(-1)).toBe(E.REBALANCE_IN_PROGRESS);
    expect(h.coord.describeGroups([G])[0].members.map((m) => m.memberId)).toEqual([leader]);
    expect(leaderSync.value.errorCode).toBe(0);
  });

  it('answers a SyncGroup caught by a new rebalance with REBALANCE_IN_PROGRESS', async () => {
    const ms: Joined[] = [];
    for (const clientId of ['a', 'b']) ms.push(await joinAsNewMember(h.coord, G, { clientId }));
    h.clock.advance(0);
    await flush();
    const follower = ms.find((m) => m.memberId !== m.join.value.leader)!;
    const sync = track(h.coord.syncGroup({ groupId: G, generationId: 1, memberId: follower.memberId, groupInstanceId: null, assignments: [] }));
    await flush();
    await joinAsNewMember(h.coord, G, { clientId: 'late' });
    await flush();
    expect(sync.value.errorCode).toBe(E.REBALANCE_IN_PROGRESS);
  });

  it('waits out the initial rebalance delay, and again while new members keep arriving', async () => {
    h.cleanup();
    h = harness({ initialRebalanceDelayMs: 3_000 });
    const a = await joinAsNewMember(h.coord, G, { clientId: 'a' });
    h.clock.advance(2_000);
    const b = await joinAsNewMember(h.coord, G, { clientId: 'b' });
    h.clock.advance(1_000); // first delay over, but b arrived during it: wait another delay
    await flush();
    expect(a.join.settled).toBe(false);
    h.clock.advance(3_000);
    await flush();
    expect(a.join.value).toMatchObject({ errorCode: 0, generationId: 1 });
    expect(b.join.value).toMatchObject({ errorCode: 0, generationId: 1 });
  });

  it('adds members of JoinGroup v0–3 at once, without MEMBER_ID_REQUIRED', async () => {
    const join = track(h.coord.joinGroup(joinParams(G, { requireKnownMemberId: false, clientId: 'kafka-python' })));
    h.clock.advance(0);
    await flush();
    expect(join.value).toMatchObject({ errorCode: 0, generationId: 1 });
    expect(join.value.memberId).toMatch(/^kafka-python-/);
  });

  it('answers Kafka\'s errors to misbehaving members without disturbing the group', async () => {
    const { ms } = await stableGroupOfThree();
    const [a] = ms;
    const hb = (over: object) => h.coord.heartbeat({ groupId: G, generationId: 1, memberId: a.memberId, groupInstanceId: null, ...over });
    expect(hb({ generationId: 7 })).toBe(E.ILLEGAL_GENERATION);
    expect(hb({ memberId: 'nobody' })).toBe(E.UNKNOWN_MEMBER_ID);
    expect(hb({ groupId: 'no-such-group' })).toBe(E.UNKNOWN_MEMBER_ID);
    expect(hb({ groupId: '' })).toBe(E.INVALID_GROUP_ID);
    expect(hb({ groupInstanceId: 'not-static' })).toBe(E.UNKNOWN_MEMBER_ID);
    const badSync = await h.coord.syncGroup({ groupId: G, generationId: 0, memberId: a.memberId, groupInstanceId: null, assignments: [] });
    expect(badSync.errorCode).toBe(E.ILLEGAL_GENERATION);
    expect((await h.coord.syncGroup({ groupId: G, generationId: 1, memberId: 'x', groupInstanceId: null, assignments: [] })).errorCode).toBe(E.UNKNOWN_MEMBER_ID);
    expect((await h.coord.joinGroup(joinParams('fresh-group', { memberId: 'stale-id' }))).errorCode).toBe(E.UNKNOWN_MEMBER_ID);
    expect((await h.coord.joinGroup(joinParams(G, { sessionTimeoutMs: 10 }))).errorCode).toBe(E.INVALID_SESSION_TIMEOUT);
    expect(h.coord.leaveGroup(G, [{ memberId: 'nobody', groupInstanceId: null }]).members[0].errorCode).toBe(E.UNKNOWN_MEMBER_ID);
    // None of it touched the group.
    expect(hb({})).toBe(0);
    expect(h.coord.describeGroups([G])[0]).toMatchObject({ groupState: 'Stable' });
    expect(h.coord.listGroups().map((g) => g.groupId)).toEqual([G]);
  });

  it('refuses members that share no protocol with the group', async () => {
    await stableGroupOfThree();
    const other = await h.coord.joinGroup(joinParams(G, { protocols: [{ name: 'roundrobin', metadata: subscription(['orders']) }] }));
    expect(other.errorCode).toBe(E.INCONSISTENT_GROUP_PROTOCOL);
    const notConsumer = await h.coord.joinGroup(joinParams(G, { protocolType: 'connect' }));
    expect(notConsumer.errorCode).toBe(E.INCONSISTENT_GROUP_PROTOCOL);
    const empty = await h.coord.joinGroup(joinParams('g2', { protocols: [] }));
    expect(empty.errorCode).toBe(E.INCONSISTENT_GROUP_PROTOCOL);
    expect(h.coord.describeGroups([G])[0].groupState).toBe('Stable');
  });

  it('picks the protocol all members support that most prefer', async () => {
    const rr = { name: 'roundrobin', metadata: subscription(['orders']) };
    const range = { name: 'range', metadata: subscription(['orders']) };
    const sticky = { name: 'cooperative-sticky', metadata: subscription(['orders']) };
    const ms = [
      await joinAsNewMember(h.coord, G, { protocols: [sticky, rr, range] }),
      await joinAsNewMember(h.coord, G, { protocols: [rr, range] }),
      await joinAsNewMember(h.coord, G, { protocols: [range, rr] }),
    ];
    h.clock.advance(0);
    await flush();
    for (const m of ms) expect(m.join.value.protocolName).toBe('roundrobin');
  });

  it('lists and describes groups, and deletes only empty ones', async () => {
    const { ms } = await stableGroupOfThree();
    expect(h.coord.listGroups()).toEqual([{ groupId: G, protocolType: 'consumer', groupState: 'Stable' }]);
    const d = h.coord.describeGroups([G, 'unknown']);
    expect(d[0].members).toHaveLength(3);
    expect(d[0].members[0]).toMatchObject({ clientId: 'a', clientHost: '/127.0.0.1' });
    expect(d[0].members[0].memberAssignment.toString()).toBe(`for-${ms[0].memberId}`);
    expect(d[0].members[0].memberMetadata.equals(subscription(['orders']))).toBe(true);
    expect(d[1]).toMatchObject({ errorCode: 0, groupId: 'unknown', groupState: 'Dead', members: [] });
    expect(h.coord.deleteGroups([G, 'unknown'])).toEqual([
      { groupId: G, errorCode: E.NON_EMPTY_GROUP },
      { groupId: 'unknown', errorCode: E.GROUP_ID_NOT_FOUND },
    ]);
  });

  it('lets an empty group without offsets disappear once its last member leaves', async () => {
    const m = await joinAsNewMember(h.coord, G);
    h.clock.advance(0);
    await flush();
    h.coord.leaveGroup(G, [{ memberId: m.memberId, groupInstanceId: null }]);
    expect(h.coord.listGroups()).toEqual([]);
  });

  it('answers held requests when the coordinator closes', async () => {
    const { ms } = await stableGroupOfThree();
    const d = await joinAsNewMember(h.coord, G, { clientId: 'd' });
    h.coord.close();
    await flush();
    expect(d.join.value.errorCode).toBe(E.COORDINATOR_NOT_AVAILABLE);
    expect(ms).toHaveLength(3);
    expect(h.clock.pendingTimers).toBe(0);
  });
});
