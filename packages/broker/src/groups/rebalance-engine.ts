import type { GroupClock } from './clock.js';
import { ErrorCode } from '@sluice/kafka-protocol';
import { joinError, syncError, type ClassicGroup } from './group.js';
import type { GroupMember } from './member.js';
import type { RebalanceConfig, RebalanceEvents } from './rebalance-config.js';
import type { JoinGroupResult } from './types.js';

/**
 * The mechanics of a group's rebalance: preparing it, waiting for members to rejoin (the initial
 * delay for a first generation, else until all rejoined or the rebalance timeout), forming the next
 * generation, waiting for SyncGroups, handing out assignments, and expiring members whose session
 * runs out. The Rebalancer decides when; this does it.
 */
export class RebalanceEngine {
  constructor(
    private readonly clock: GroupClock,
    private readonly config: RebalanceConfig,
    private readonly events: RebalanceEvents,
  ) {}


  /** Any sign of life from a member (heartbeat, offset commit) restarts its session timer. */
  scheduleHeartbeatExpiry(group: ClassicGroup, member: GroupMember, timeoutMs = member.sessionTimeoutMs): void {
    this.clock.clearTimer(member.expiryTimer);
    member.expiryTimer = this.clock.setTimer(() => this.onExpireHeartbeat(group, member), timeoutMs);
  }

  /** Stops every timer of the group and answers whoever still waits. */
  shutdownGroup(group: ClassicGroup, errorCode: number): void {
    this.clock.clearTimer(group.joinTimer);
    this.clock.clearTimer(group.syncTimer);
    group.joinTimer = group.syncTimer = null;
    for (const timer of group.pendingMembers.values()) this.clock.clearTimer(timer);
    group.pendingMembers.clear();
    for (const m of group.members.values()) {
      this.clock.clearTimer(m.expiryTimer);
      m.expiryTimer = null;
      group.invokeJoin(m, joinError(m.memberId, errorCode));
      group.invokeSync(m, syncError(errorCode));
    }
  }

  currentGeneration(group: ClassicGroup, member: GroupMember): JoinGroupResult {
    return {
      errorCode: ErrorCode.NONE,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? '',
      memberId: member.memberId,
      members: group.isLeader(member.memberId) ? group.currentMemberMetadata() : [],
    };
  }

  // ---- the rebalance itself ------------------------------------------------------------------

  maybePrepareRebalance(group: ClassicGroup, reason: string): void {
    if (group.canRebalance()) this.prepareRebalance(group, reason);
  }

  prepareRebalance(group: ClassicGroup, reason: string): void {
    if (group.is('CompletingRebalance')) this.resetAndPropagateAssignmentError(group, ErrorCode.REBALANCE_IN_PROGRESS);
    this.clock.clearTimer(group.syncTimer);
    group.syncTimer = null;
    group.pendingSyncMembers.clear();
    const wasEmpty = group.is('Empty');
    group.transitionTo('PreparingRebalance');
    this.events.info(`group ${group.groupId}: preparing to rebalance after generation ${group.generationId} (${reason})`);
    if (wasEmpty) {
      const delay = this.config.initialRebalanceDelayMs;
      this.scheduleInitialJoin(group, delay, Math.max(group.rebalanceTimeoutMs() - delay, 0));
    } else {
      this.scheduleJoin(group);
    }
  }

  /** The normal wait: until all members rejoined (checked on every change) or the rebalance timeout. */
  private scheduleJoin(group: ClassicGroup): void {
    this.clock.clearTimer(group.joinTimer);
    group.joinTimer = this.clock.setTimer(() => this.completeJoin(group), group.rebalanceTimeoutMs());
    group.joinIsInitialDelay = false;
    this.tryCompleteJoin(group);
  }

  /**
   * The first generation of a group waits the initial delay, and again while new members keep
   * arriving (up to the rebalance timeout), so that members starting together share one generation.
   */
  private scheduleInitialJoin(group: ClassicGroup, delayMs: number, remainingMs: number): void {
    this.clock.clearTimer(group.joinTimer);
    group.joinIsInitialDelay = true;
    group.joinTimer = this.clock.setTimer(() => {
      if (group.newMemberAdded && remainingMs !== 0) {
        group.newMemberAdded = false;
        const next = Math.min(this.config.initialRebalanceDelayMs, remainingMs);
        this.scheduleInitialJoin(group, next, Math.max(remainingMs - delayMs, 0));
      } else {
        this.completeJoin(group);
      }
    }, delayMs);
  }

  tryCompleteJoin(group: ClassicGroup): void {
    if (group.is('PreparingRebalance') && !group.joinIsInitialDelay && group.hasAllMembersJoined()) this.completeJoin(group);
  }

  private completeJoin(group: ClassicGroup): void {
    this.clock.clearTimer(group.joinTimer);
    group.joinTimer = null;
    if (!group.is('PreparingRebalance')) return;
    for (const m of group.notYetRejoinedMembers()) {
      if (m.isStatic) continue; // static members keep their place until their session expires
      this.clock.clearTimer(m.expiryTimer);
      group.remove(m.memberId);
    }
    if (!group.maybeElectNewJoinedLeader() && group.size > 0) {
      // Only static members that have not rejoined are left: wait another round for them.
      this.events.info(`group ${group.groupId}: no member rejoined; waiting another rebalance timeout`);
      this.scheduleJoin(group);
      return;
    }
    group.initNextGeneration();
    if (group.is('Empty')) {
      this.events.info(`group ${group.groupId}: generation ${group.generationId} is empty`);
      this.events.onEmpty(group);
      return;
    }
    this.events.info(`group ${group.groupId}: generation ${group.generationId} formed with ${group.size} member(s)`);
    for (const m of group.members.values()) {
      group.invokeJoin(m, this.currentGeneration(group, m));
      this.scheduleHeartbeatExpiry(group, m);
      m.isNew = false;
      group.pendingSyncMembers.add(m.memberId);
    }
    const generation = group.generationId;
    group.syncTimer = this.clock.setTimer(() => this.onSyncTimeout(group, generation), group.rebalanceTimeoutMs());
  }

  /** Members that got a JoinGroup response but never sent SyncGroup are dropped. */
  private onSyncTimeout(group: ClassicGroup, generationId: number): void {
    group.syncTimer = null;
    if (generationId !== group.generationId) return;
    if (!group.is('CompletingRebalance') && !group.is('Stable')) return;
    if (group.pendingSyncMembers.size === 0) return;
    const missing = [...group.pendingSyncMembers];
    for (const id of missing) {
      const m = group.members.get(id);
      if (m) this.clock.clearTimer(m.expiryTimer);
      group.remove(id);
    }
    this.prepareRebalance(group, `no SyncGroup from ${missing.join(', ')}`);
  }

  removePendingSync(group: ClassicGroup, memberId: string): void {
    group.pendingSyncMembers.delete(memberId);
    if (group.pendingSyncMembers.size === 0) {
      this.clock.clearTimer(group.syncTimer);
      group.syncTimer = null;
    }
  }

  propagateAssignment(group: ClassicGroup, errorCode: number): void {
    for (const m of group.members.values()) {
      const answered = group.invokeSync(
        m,
        errorCode === ErrorCode.NONE
          ? { errorCode, protocolType: group.protocolType, protocolName: group.protocolName, assignment: m.assignment }
          : syncError(errorCode),
      );
      // The session restarts once the member has its answer: it may have waited a long time.
      if (answered) this.scheduleHeartbeatExpiry(group, m);
    }
  }

  private resetAndPropagateAssignmentError(group: ClassicGroup, errorCode: number): void {
    for (const m of group.members.values()) m.assignment = Buffer.alloc(0);
    this.propagateAssignment(group, errorCode);
  }

  // ---- members going away ----------------------------------------------------------------------

  private onExpireHeartbeat(group: ClassicGroup, member: GroupMember): void {
    member.expiryTimer = null;
    if (group.is('Dead') || group.members.get(member.memberId) !== member) return;
    if (member.excusedFromHeartbeat()) return;
    this.events.info(`group ${group.groupId}: member ${member.memberId} timed out`);
    this.removeMember(group, member, 'session timeout');
    if (group.is('Empty')) this.events.onEmpty(group);
  }

  removeMember(group: ClassicGroup, member: GroupMember, reason: string): void {
    // A member still waiting on JoinGroup gets UNKNOWN_MEMBER_ID so that, if alive, it joins afresh.
    group.invokeJoin(member, joinError('', ErrorCode.UNKNOWN_MEMBER_ID));
    group.invokeSync(member, syncError(ErrorCode.UNKNOWN_MEMBER_ID));
    this.clock.clearTimer(member.expiryTimer);
    member.expiryTimer = null;
    group.remove(member.memberId);
    switch (group.state) {
      case 'Stable':
      case 'CompletingRebalance':
        return this.maybePrepareRebalance(group, `member ${member.memberId}: ${reason}`);
      case 'PreparingRebalance':
        return this.tryCompleteJoin(group);
      default:
        return;
    }
  }

  removePendingMember(group: ClassicGroup, memberId: string): void {
    this.clock.clearTimer(group.pendingMembers.get(memberId));
    group.remove(memberId);
    if (group.is('PreparingRebalance')) this.tryCompleteJoin(group);
    if (group.is('Empty')) this.events.onEmpty(group);
  }
}
