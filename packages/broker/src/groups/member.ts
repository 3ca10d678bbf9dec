import type { GroupProtocol, JoinGroupResult, SyncGroupResult } from './types.js';

export type JoinWaiter = (result: JoinGroupResult) => void;
export type SyncWaiter = (result: SyncGroupResult) => void;

const NO_BYTES = Buffer.alloc(0);

/** One member of a classic group, with the JoinGroup/SyncGroup response it is waiting for, if any. */
export class GroupMember {
  assignment: Buffer = NO_BYTES;
  /** Set while the member's JoinGroup response is held back until the rebalance completes. */
  awaitingJoin: JoinWaiter | null = null;
  /** Set while a follower's SyncGroup waits for the leader's assignment. */
  awaitingSync: SyncWaiter | null = null;
  /** Joined but has not yet seen a JoinGroup response: it cannot heartbeat, so it expires differently. */
  isNew = false;
  /** Fires when the member has shown no sign of life for its session timeout; re-armed on each. */
  expiryTimer: unknown = null;

  constructor(
    public memberId: string,
    readonly groupInstanceId: string | null,
    readonly clientId: string,
    readonly clientHost: string,
    public rebalanceTimeoutMs: number,
    public sessionTimeoutMs: number,
    readonly protocolType: string,
    public protocols: GroupProtocol[],
  ) {}

  get isStatic(): boolean {
    return this.groupInstanceId !== null;
  }

  /**
   * A member parked in a rebalance (its JoinGroup or SyncGroup held by the coordinator) cannot
   * heartbeat, so its session does not run out then; its timer is re-armed when it is answered.
   * A brand-new member has no such excuse: it may be a client that gave up waiting.
   */
  excusedFromHeartbeat(): boolean {
    return !this.isNew && (this.awaitingJoin !== null || this.awaitingSync !== null);
  }

  metadata(protocolName: string): Buffer {
    const p = this.protocols.find((x) => x.name === protocolName);
    if (!p) throw new Error(`member ${this.memberId} does not support protocol ${protocolName}`);
    return p.metadata;
  }

  /** Same protocols, in the same order, with the same metadata bytes. */
  matches(protocols: GroupProtocol[]): boolean {
    if (protocols.length !== this.protocols.length) return false;
    return protocols.every((p, i) => p.name === this.protocols[i].name && p.metadata.equals(this.protocols[i].metadata));
  }

  /** The member's most preferred protocol among the candidates. */
  vote(candidates: Set<string>): string {
    const p = this.protocols.find((x) => candidates.has(x.name));
    if (!p) throw new Error(`member ${this.memberId} supports none of ${[...candidates].join(', ')}`);
    return p.name;
  }
}
