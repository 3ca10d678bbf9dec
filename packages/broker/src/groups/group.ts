import { ErrorCode } from '@sluice/kafka-protocol';
import type { GroupMember, JoinWaiter } from './member.js';
import type { GroupStateName, JoinGroupMember, JoinGroupResult, SyncGroupResult } from './types.js';
import { subscribedTopics } from './consumer-protocol.js';

/** Which states a group may enter from which (Kafka's classic group state machine). */
const VALID_PREVIOUS: Record<GroupStateName, readonly GroupStateName[]> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};

const NO_BYTES = Buffer.alloc(0);

export function joinError(memberId: string, errorCode: number): JoinGroupResult {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] };
}

export function syncError(errorCode: number): SyncGroupResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: NO_BYTES };
}

/**
 * Membership bookkeeping of one classic group: members, static instance ids, pending joins and syncs,
 * protocol votes and the state machine. Timing and the rebalance flow live in the Rebalancer.
 */
export class ClassicGroup {
  state: GroupStateName = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, GroupMember>();
  /** group.instance.id → current member id. */
  readonly staticMembers = new Map<string, string>();
  /** Member ids handed out with MEMBER_ID_REQUIRED, not yet rejoined; value is the expiry timer. */
  readonly pendingMembers = new Map<string, unknown>();
  /** Members that got a JoinGroup response but have not sent SyncGroup yet. */
  readonly pendingSyncMembers = new Set<string>();
  /** A member joined during the initial (Empty → first generation) delay. */
  newMemberAdded = false;
  joinTimer: unknown = null;
  /** The pending join timer is the initial delay, which waits out its time even if everyone joined. */
  joinIsInitialDelay = false;
  syncTimer: unknown = null;
  private readonly protocolVotes = new Map<string, number>();

  constructor(readonly groupId: string) {}

  is(state: GroupStateName): boolean {
    return this.state === state;
  }

  get size(): number {
    return this.members.size;
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  transitionTo(target: GroupStateName): void {
    if (!VALID_PREVIOUS[target].includes(this.state)) {
      throw new Error(`group ${this.groupId}: cannot go from ${this.state} to ${target}`);
    }
    this.state = target;
  }

  canRebalance(): boolean {
    return VALID_PREVIOUS.PreparingRebalance.includes(this.state);
  }

  add(member: GroupMember, waiter: JoinWaiter | null): void {
    if (member.groupInstanceId !== null) {
      if (this.staticMembers.has(member.groupInstanceId)) {
        throw new Error(`group ${this.groupId}: static member ${member.groupInstanceId} is already a member`);
      }
      this.staticMembers.set(member.groupInstanceId, member.memberId);
    }
    if (this.members.size === 0) this.protocolType = member.protocolType;
    if (this.leaderId === null) this.leaderId = member.memberId;
    this.members.set(member.memberId, member);
    this.countVotes(member, 1);
    member.awaitingJoin = waiter;
    this.pendingMembers.delete(member.memberId);
  }

  remove(memberId: string): void {
    const member = this.members.get(memberId);
    if (member) {
      this.members.delete(memberId);
      this.countVotes(member, -1);
      if (member.groupInstanceId !== null) this.staticMembers.delete(member.groupInstanceId);
    }
    if (this.isLeader(memberId)) {
      const next = this.members.keys().next();
      this.leaderId = next.done ? null : next.value;
    }
    this.pendingMembers.delete(memberId);
    this.pendingSyncMembers.delete(memberId);
  }

  /** Keep a leader that rejoined, else pick any member that did; false if nobody rejoined. */
  maybeElectNewJoinedLeader(): boolean {
    if (this.leaderId === null) return false;
    const leader = this.members.get(this.leaderId);
    if (leader?.awaitingJoin) return true;
    for (const m of this.members.values()) {
      if (m.awaitingJoin) {
        this.leaderId = m.memberId;
        return true;
      }
    }
    return false;
  }

  /**
   * A static member restarted: move its state to the new member id and fence whoever still waits
   * under the old id.
   */
  replaceStaticMember(groupInstanceId: string, oldMemberId: string, newMemberId: string): GroupMember {
    const member = this.members.get(oldMemberId);
    if (!member) throw new Error(`group ${this.groupId}: no member ${oldMemberId} to replace`);
    this.members.delete(oldMemberId);
    this.invokeJoin(member, joinError(oldMemberId, ErrorCode.FENCED_INSTANCE_ID));
    this.invokeSync(member, syncError(ErrorCode.FENCED_INSTANCE_ID));
    member.memberId = newMemberId;
    this.members.set(newMemberId, member);
    if (this.isLeader(oldMemberId)) this.leaderId = newMemberId;
    if (this.pendingSyncMembers.delete(oldMemberId)) this.pendingSyncMembers.add(newMemberId);
    this.staticMembers.set(groupInstanceId, newMemberId);
    return member;
  }

  /** New protocols/timeouts for an existing member, and the JoinGroup response it now waits for. */
  updateMember(
    member: GroupMember,
    protocols: GroupMember['protocols'],
    rebalanceTimeoutMs: number,
    sessionTimeoutMs: number,
    waiter: JoinWaiter | null,
  ): void {
    this.countVotes(member, -1);
    member.protocols = protocols;
    this.countVotes(member, 1);
    member.rebalanceTimeoutMs = rebalanceTimeoutMs;
    member.sessionTimeoutMs = sessionTimeoutMs;
    // A second JoinGroup under the same id supersedes the first (usually a client-side timeout and
    // retry); answer the first so it does not hang.
    if (member.awaitingJoin && waiter) member.awaitingJoin(joinError(member.memberId, ErrorCode.REBALANCE_IN_PROGRESS));
    member.awaitingJoin = waiter;
  }

  invokeJoin(member: GroupMember, result: JoinGroupResult): void {
    const waiter = member.awaitingJoin;
    if (!waiter) return;
    member.awaitingJoin = null;
    waiter(result);
  }

  /** True if a SyncGroup response was actually waiting. */
  invokeSync(member: GroupMember, result: SyncGroupResult): boolean {
    const waiter = member.awaitingSync;
    if (!waiter) return false;
    member.awaitingSync = null;
    waiter(result);
    return true;
  }

  hasAllMembersJoined(): boolean {
    if (this.pendingMembers.size > 0) return false;
    for (const m of this.members.values()) if (!m.awaitingJoin) return false;
    return true;
  }

  notYetRejoinedMembers(): GroupMember[] {
    return [...this.members.values()].filter((m) => !m.awaitingJoin);
  }

  /** The longest rebalance timeout among members: how long a rebalance may wait for rejoins. */
  rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  /** Can a member with these protocols join? Empty groups take anything non-empty. */
  supportsProtocols(protocolType: string, protocolNames: string[]): boolean {
    if (this.is('Empty')) return protocolType !== '' && protocolNames.length > 0;
    return (
      this.protocolType === protocolType &&
      protocolNames.some((name) => (this.protocolVotes.get(name) ?? 0) === this.members.size)
    );
  }

  /** The protocol every member supports that most members prefer. */
  selectProtocol(): string {
    if (this.members.size === 0) throw new Error(`group ${this.groupId}: cannot select a protocol without members`);
    const candidates = new Set<string>();
    for (const [name, count] of this.protocolVotes) if (count === this.members.size) candidates.add(name);
    const tally = new Map<string, number>();
    let best = '';
    let bestVotes = 0;
    for (const m of this.members.values()) {
      const choice = m.vote(candidates);
      const n = (tally.get(choice) ?? 0) + 1;
      tally.set(choice, n);
      if (n > bestVotes) {
        best = choice;
        bestVotes = n;
      }
    }
    return best;
  }

  initNextGeneration(): void {
    this.generationId += 1;
    if (this.members.size > 0) {
      this.protocolName = this.selectProtocol();
      this.transitionTo('CompletingRebalance');
    } else {
      this.protocolName = null;
      this.transitionTo('Empty');
    }
    this.pendingSyncMembers.clear();
  }

  /** Every member's metadata for the selected protocol: what the leader assigns from. */
  currentMemberMetadata(): JoinGroupMember[] {
    const protocol = this.protocolName;
    if (protocol === null) throw new Error(`group ${this.groupId}: no protocol selected`);
    return [...this.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: m.metadata(protocol),
    }));
  }

  /**
   * Topics the members subscribe to, when this is a consumer group whose subscriptions parse;
   * null when unknown (then every topic counts as subscribed, to be safe).
   */
  subscribedTopics(): Set<string> | null {
    if (this.protocolType !== 'consumer') return null;
    if (this.members.size === 0) return new Set();
    if (this.protocolName === null) return null;
    const all = new Set<string>();
    for (const m of this.members.values()) {
      const topics = subscribedTopics(m.metadata(this.protocolName));
      if (topics === null) return null;
      for (const t of topics) all.add(t);
    }
    return all;
  }

  private countVotes(member: GroupMember, delta: number): void {
    for (const p of member.protocols) this.protocolVotes.set(p.name, (this.protocolVotes.get(p.name) ?? 0) + delta);
  }
}
