import { randomUUID } from 'node:crypto';
import type { GroupClock } from './clock.js';
import { ErrorCode } from '@sluice/kafka-protocol';
import { ClassicGroup, joinError, syncError } from './group.js';
import type { RebalanceConfig, RebalanceEvents } from './rebalance-config.js';
import { RebalanceEngine } from './rebalance-engine.js';

export type { RebalanceConfig, RebalanceEvents } from './rebalance-config.js';
import { GroupMember, type JoinWaiter, type SyncWaiter } from './member.js';
import type {
  HeartbeatParams,
  JoinGroupParams,
  LeaveGroupResult,
  MemberIdentity,
  SyncGroupParams,
} from './types.js';

/**
 * The membership requests of Kafka's classic rebalance protocol (JoinGroup, SyncGroup, Heartbeat,
 * LeaveGroup) over a set of groups: each is checked and answered as Kafka does, and moves its group
 * through the RebalanceEngine. JoinGroup responses are held until every known member has rejoined (or
 * the rebalance timeout passes); the leader's SyncGroup hands out the assignment. Every method runs
 * to completion synchronously; JoinGroup and SyncGroup answers arrive through their callbacks.
 */
export class Rebalancer {
  private readonly engine: RebalanceEngine;

  constructor(
    private readonly groups: Map<string, ClassicGroup>,
    private readonly clock: GroupClock,
    private readonly config: RebalanceConfig,
    private readonly events: RebalanceEvents,
  ) {
    this.engine = new RebalanceEngine(clock, config, events);
  }

  /**
   * Asks the members to rejoin because a topic they subscribe to was deleted: the leader then
   * assigns from metadata without it, so every member drops the gone partitions at once (as a
   * Java leader does when its metadata refresh finds the topic missing).
   */
  requestRejoin(group: ClassicGroup, reason: string): void {
    if (group.members.size > 0) this.engine.maybePrepareRebalance(group, reason);
  }

  join(p: JoinGroupParams, respond: JoinWaiter): void {
    if (p.groupId === '') return respond(joinError(p.memberId, ErrorCode.INVALID_GROUP_ID));
    if (p.sessionTimeoutMs < this.config.minSessionTimeoutMs || p.sessionTimeoutMs > this.config.maxSessionTimeoutMs) {
      return respond(joinError(p.memberId, ErrorCode.INVALID_SESSION_TIMEOUT));
    }
    const isNewMember = p.memberId === '';
    let group = this.groups.get(p.groupId);
    if (!group) {
      // Only a member without an id may create the group; an id from a vanished group is stale.
      if (!isNewMember) return respond(joinError(p.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
      group = new ClassicGroup(p.groupId);
      this.groups.set(p.groupId, group);
    }
    if (isNewMember) this.joinNewMember(group, p, respond);
    else this.joinCurrentMember(group, p, respond);
    if (group.is('PreparingRebalance')) this.engine.tryCompleteJoin(group);
    if (group.is('Empty')) this.events.onEmpty(group);
  }

  sync(p: SyncGroupParams, respond: SyncWaiter): void {
    if (p.groupId === '') return respond(syncError(ErrorCode.INVALID_GROUP_ID));
    const group = this.groups.get(p.groupId);
    if (!group) return respond(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    if (group.is('Dead')) return respond(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
    let error = this.validateMember(group, p.memberId, p.groupInstanceId);
    if (error === ErrorCode.NONE && p.generationId !== group.generationId) error = ErrorCode.ILLEGAL_GENERATION;
    if (
      error === ErrorCode.NONE &&
      ((p.protocolType != null && p.protocolType !== group.protocolType) ||
        (p.protocolName != null && p.protocolName !== group.protocolName))
    ) {
      error = ErrorCode.INCONSISTENT_GROUP_PROTOCOL;
    }
    if (error !== ErrorCode.NONE) return respond(syncError(error));

    const member = group.members.get(memberIdOf(group, p))!;
    switch (group.state) {
      case 'Empty':
        return respond(syncError(ErrorCode.UNKNOWN_MEMBER_ID));
      case 'PreparingRebalance':
        return respond(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
      case 'CompletingRebalance': {
        if (member.awaitingSync) member.awaitingSync(syncError(ErrorCode.REBALANCE_IN_PROGRESS));
        member.awaitingSync = respond;
        this.engine.removePendingSync(group, member.memberId);
        if (group.isLeader(member.memberId)) {
          const given = new Map(p.assignments.map((a) => [a.memberId, a.assignment]));
          for (const m of group.members.values()) m.assignment = given.get(m.memberId) ?? Buffer.alloc(0);
          group.transitionTo('Stable');
          this.events.info(
            `group ${group.groupId}: generation ${group.generationId} is stable with ${group.size} member(s), protocol ${group.protocolName}`,
          );
          this.engine.propagateAssignment(group, ErrorCode.NONE);
        }
        return;
      }
      case 'Stable':
        this.engine.removePendingSync(group, member.memberId);
        respond({
          errorCode: ErrorCode.NONE,
          protocolType: group.protocolType,
          protocolName: group.protocolName,
          assignment: member.assignment,
        });
        this.engine.scheduleHeartbeatExpiry(group, member);
        return;
      case 'Dead':
        return respond(syncError(ErrorCode.COORDINATOR_NOT_AVAILABLE));
    }
  }

  heartbeat(p: HeartbeatParams): number {
    if (p.groupId === '') return ErrorCode.INVALID_GROUP_ID;
    const group = this.groups.get(p.groupId);
    if (!group) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const error = this.validateMember(group, p.memberId, p.groupInstanceId);
    if (error !== ErrorCode.NONE) return error;
    if (p.generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (group.is('Empty')) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.engine.scheduleHeartbeatExpiry(group, group.members.get(memberIdOf(group, p))!);
    return group.is('PreparingRebalance') ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  leave(groupId: string, leaving: MemberIdentity[]): LeaveGroupResult {
    if (groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, members: [] };
    const group = this.groups.get(groupId);
    const answer = (m: MemberIdentity, errorCode: number) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, errorCode });
    if (!group) return { errorCode: ErrorCode.NONE, members: leaving.map((m) => answer(m, ErrorCode.UNKNOWN_MEMBER_ID)) };
    if (group.is('Dead')) return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
    const members = leaving.map((m) => {
      if (m.memberId === '') {
        // Administrative removal of a static member by its instance id.
        const current = m.groupInstanceId === null ? undefined : group.staticMembers.get(m.groupInstanceId);
        if (current === undefined) return answer(m, ErrorCode.UNKNOWN_MEMBER_ID);
        this.engine.removeMember(group, group.members.get(current)!, 'left the group');
        return answer(m, ErrorCode.NONE);
      }
      if (group.pendingMembers.has(m.memberId)) {
        this.engine.removePendingMember(group, m.memberId);
        return answer(m, ErrorCode.NONE);
      }
      const error = this.validateMember(group, m.memberId, m.groupInstanceId);
      if (error === ErrorCode.NONE) this.engine.removeMember(group, group.members.get(m.memberId)!, 'left the group');
      return answer(m, error);
    });
    if (group.is('Empty')) this.events.onEmpty(group);
    return { errorCode: ErrorCode.NONE, members };
  }

  /**
   * Checks that a request comes from a current member: a static member's instance id must map to
   * this member id (else it is fenced), a dynamic member must be known.
   */
  validateMember(group: ClassicGroup, memberId: string, groupInstanceId: string | null): number {
    if (groupInstanceId !== null) {
      const current = group.staticMembers.get(groupInstanceId);
      if (current === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
      return current === memberId ? ErrorCode.NONE : ErrorCode.FENCED_INSTANCE_ID;
    }
    return group.members.has(memberId) ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
  }

  /** Any sign of life from a member (heartbeat, offset commit) restarts its session timer. */
  touch(group: ClassicGroup, member: GroupMember): void {
    this.engine.scheduleHeartbeatExpiry(group, member);
  }

  /** Stops every timer of the group and answers whoever still waits. */
  shutdownGroup(group: ClassicGroup, errorCode: number): void {
    this.engine.shutdownGroup(group, errorCode);
  }

  // ---- joining ------------------------------------------------------------------------------

  private joinNewMember(group: ClassicGroup, p: JoinGroupParams, respond: JoinWaiter): void {
    if (group.is('Dead')) return respond(joinError('', ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (!group.supportsProtocols(p.protocolType, p.protocols.map((x) => x.name))) {
      return respond(joinError('', ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    }
    const newMemberId = `${p.groupInstanceId ?? p.clientId}-${randomUUID()}`;
    if (p.groupInstanceId !== null) {
      const oldMemberId = group.staticMembers.get(p.groupInstanceId);
      if (oldMemberId !== undefined) return this.replaceStaticMember(group, oldMemberId, newMemberId, p, respond);
      return this.addMemberAndRebalance(group, newMemberId, p, respond);
    }
    if (p.requireKnownMemberId) {
      // JoinGroup v4+: hand out the id first, and only take the member in when it rejoins with it.
      const timer = this.clock.setTimer(() => this.engine.removePendingMember(group, newMemberId), p.sessionTimeoutMs);
      group.pendingMembers.set(newMemberId, timer);
      return respond(joinError(newMemberId, ErrorCode.MEMBER_ID_REQUIRED));
    }
    this.addMemberAndRebalance(group, newMemberId, p, respond);
  }

  private joinCurrentMember(group: ClassicGroup, p: JoinGroupParams, respond: JoinWaiter): void {
    if (group.is('Dead')) return respond(joinError(p.memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
    if (!group.supportsProtocols(p.protocolType, p.protocols.map((x) => x.name))) {
      return respond(joinError(p.memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    }
    if (group.pendingMembers.has(p.memberId)) {
      return this.addMemberAndRebalance(group, p.memberId, { ...p, groupInstanceId: null }, respond);
    }
    const error = this.validateMember(group, p.memberId, p.groupInstanceId);
    if (error !== ErrorCode.NONE) return respond(joinError(p.memberId, error));
    const member = group.members.get(p.memberId)!;
    switch (group.state) {
      case 'PreparingRebalance':
        return this.updateMemberAndRebalance(group, member, p, respond);
      case 'CompletingRebalance':
        // Same metadata: the member most likely missed its JoinGroup response; give it again.
        if (member.matches(p.protocols)) return respond(this.engine.currentGeneration(group, member));
        return this.updateMemberAndRebalance(group, member, p, respond);
      case 'Stable':
        // The leader rejoining asks for a new assignment (e.g. topic metadata changed).
        if (group.isLeader(member.memberId) || !member.matches(p.protocols)) {
          return this.updateMemberAndRebalance(group, member, p, respond);
        }
        return respond(this.engine.currentGeneration(group, member));
      case 'Empty':
      case 'Dead':
        return respond(joinError(p.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  private addMemberAndRebalance(group: ClassicGroup, memberId: string, p: JoinGroupParams, respond: JoinWaiter): void {
    const member = new GroupMember(
      memberId,
      p.groupInstanceId,
      p.clientId,
      p.clientHost,
      p.rebalanceTimeoutMs,
      p.sessionTimeoutMs,
      p.protocolType,
      p.protocols,
    );
    member.isNew = true;
    if (group.is('PreparingRebalance') && group.generationId === 0) group.newMemberAdded = true;
    this.clock.clearTimer(group.pendingMembers.get(memberId));
    group.add(member, respond);
    // A new member cannot heartbeat until it has a JoinGroup response, and a client that gave up
    // waiting may never come back for it: bound how long such a member can stay.
    this.engine.scheduleHeartbeatExpiry(group, member, this.config.newMemberJoinTimeoutMs);
    this.engine.maybePrepareRebalance(group, `member ${memberId} joined`);
  }

  private updateMemberAndRebalance(group: ClassicGroup, member: GroupMember, p: JoinGroupParams, respond: JoinWaiter): void {
    group.updateMember(member, p.protocols, p.rebalanceTimeoutMs, p.sessionTimeoutMs, respond);
    this.engine.maybePrepareRebalance(group, `member ${member.memberId} rejoined`);
  }

  /**
   * A static member came back under a new member id. If the group is Stable and its protocol would
   * not change, the member takes over its old place and assignment without a rebalance.
   */
  private replaceStaticMember(
    group: ClassicGroup,
    oldMemberId: string,
    newMemberId: string,
    p: JoinGroupParams,
    respond: JoinWaiter,
  ): void {
    const leaderBefore = group.leaderId;
    const member = group.replaceStaticMember(p.groupInstanceId!, oldMemberId, newMemberId);
    this.engine.scheduleHeartbeatExpiry(group, member);
    group.updateMember(member, p.protocols, p.rebalanceTimeoutMs, p.sessionTimeoutMs, respond);
    switch (group.state) {
      case 'Stable':
        if (group.protocolName === group.selectProtocol()) {
          // The old leader id is returned on purpose: the restarted member must not believe it leads
          // and compute an assignment that a Stable group would never hand out.
          group.invokeJoin(member, {
            errorCode: ErrorCode.NONE,
            generationId: group.generationId,
            protocolType: group.protocolType,
            protocolName: group.protocolName,
            leader: leaderBefore ?? '',
            memberId: newMemberId,
            members: [],
          });
        } else {
          this.engine.maybePrepareRebalance(group, `static member ${p.groupInstanceId} rejoined with other protocols`);
        }
        return;
      case 'CompletingRebalance':
        // The leader may already be assigning to the old member id: start over.
        return this.engine.prepareRebalance(group, `static member ${p.groupInstanceId} rejoined during the sync phase`);
      default:
        return; // PreparingRebalance: it waits with everyone else.
    }
  }
}

/** The member a validated request speaks for (a static member's id is the one its instance maps to). */
function memberIdOf(group: ClassicGroup, p: { memberId: string; groupInstanceId: string | null }): string {
  return p.groupInstanceId !== null ? group.staticMembers.get(p.groupInstanceId)! : p.memberId;
}