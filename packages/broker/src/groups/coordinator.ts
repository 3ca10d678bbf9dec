import { join } from 'node:path';
import { systemClock, type GroupClock } from './clock.js';
import { ErrorCode } from '@sluice/kafka-protocol';
import { ClassicGroup } from './group.js';
import { OffsetStore, type OffsetLogger, type OffsetStoreOptions, type OffsetToCommit } from './offsets/index.js';
import { Rebalancer, type RebalanceConfig } from './rebalancer.js';
import type {
  DescribedGroup,
  FetchedOffset,
  HeartbeatParams,
  JoinGroupParams,
  JoinGroupResult,
  LeaveGroupResult,
  ListedGroup,
  MemberIdentity,
  OffsetCommitParams,
  OffsetDeleteResult,
  OffsetFetchResult,
  PartitionErrors,
  SyncGroupParams,
  SyncGroupResult,
  TopicPartitions,
} from './types.js';

export interface GroupCoordinatorConfig extends RebalanceConfig {
  /** offset.metadata.max.bytes: longer commit metadata → OFFSET_METADATA_TOO_LARGE. */
  maxOffsetMetadataBytes: number;
}

/** Kafka's defaults, except the initial rebalance delay: an embedded broker has no reason to wait. */
export const defaultGroupCoordinatorConfig: GroupCoordinatorConfig = {
  minSessionTimeoutMs: 6_000,
  maxSessionTimeoutMs: 1_800_000,
  initialRebalanceDelayMs: 0,
  newMemberJoinTimeoutMs: 300_000,
  maxOffsetMetadataBytes: 4096,
};

export interface GroupCoordinatorOptions {
  offsets: OffsetStore;
  config?: Partial<GroupCoordinatorConfig>;
  clock?: GroupClock;
  logger?: OffsetLogger;
}

/** Where committed offsets live under the broker's data directory. */
export const OFFSETS_DIR = '__consumer_offsets';

/**
 * The group coordinator of a single-node broker: every group's membership (classic rebalance
 * protocol) and committed offsets. Results are shaped like the Kafka responses they become.
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, ClassicGroup>();
  private readonly rebalancer: Rebalancer;
  private readonly offsets: OffsetStore;
  private readonly clock: GroupClock;
  private readonly config: GroupCoordinatorConfig;
  private closed = false;

  constructor(opts: GroupCoordinatorOptions) {
    this.offsets = opts.offsets;
    this.clock = opts.clock ?? systemClock;
    this.config = { ...defaultGroupCoordinatorConfig, ...opts.config };
    const logger = opts.logger ?? { info: () => {}, warn: () => {} };
    this.rebalancer = new Rebalancer(this.groups, this.clock, this.config, {
      onEmpty: (group) => this.onGroupEmpty(group),
      info: (msg) => logger.info(msg),
    });
    this.loadStoredGroups();
  }

  /** Opens the offset store under `<dataDir>/__consumer_offsets` and a coordinator over it. */
  static open(
    dataDir: string,
    opts: Omit<GroupCoordinatorOptions, 'offsets'> & { offsetStore?: Omit<OffsetStoreOptions, 'logger'> } = {},
  ): GroupCoordinator {
    const offsets = OffsetStore.open(join(dataDir, OFFSETS_DIR), { ...opts.offsetStore, logger: opts.logger });
    return new GroupCoordinator({ ...opts, offsets });
  }

  // ---- membership ----------------------------------------------------------------------------

  /** Resolves when the member's rebalance completes (or at once with an error). */
  joinGroup(p: JoinGroupParams): Promise<JoinGroupResult> {
    return new Promise((resolve) => this.rebalancer.join(p, resolve));
  }

  /** The leader's call resolves at once; followers' resolve when the leader's assignment arrives. */
  syncGroup(p: SyncGroupParams): Promise<SyncGroupResult> {
    return new Promise((resolve) => this.rebalancer.sync(p, resolve));
  }

  /** Returns the error code: 0, or 27 to ask the member to rejoin, or why it is not a member. */
  heartbeat(p: HeartbeatParams): number {
    return this.rebalancer.heartbeat(p);
  }

  leaveGroup(groupId: string, members: MemberIdentity[]): LeaveGroupResult {
    return this.rebalancer.leave(groupId, members);
  }

  // ---- administration ------------------------------------------------------------------------

  describeGroups(groupIds: string[]): DescribedGroup[] {
    return groupIds.map((groupId) => {
      const group = this.groups.get(groupId);
      if (!group) {
        return { errorCode: ErrorCode.NONE, groupId, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
      }
      const stable = group.is('Stable') && group.protocolName !== null;
      return {
        errorCode: ErrorCode.NONE,
        groupId,
        groupState: group.state,
        protocolType: group.protocolType ?? '',
        protocolData: stable ? group.protocolName! : '',
        members: [...group.members.values()].map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          memberMetadata: stable ? m.metadata(group.protocolName!) : Buffer.alloc(0),
          memberAssignment: stable ? m.assignment : Buffer.alloc(0),
        })),
      };
    });
  }

  listGroups(): ListedGroup[] {
    return [...this.groups.values()].map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? '', groupState: g.state }));
  }

  /** Deletes empty groups with their offsets; groups with members get NON_EMPTY_GROUP. */
  deleteGroups(groupIds: string[]): { groupId: string; errorCode: number }[] {
    return groupIds.map((groupId) => {
      const group = this.groups.get(groupId);
      if (!group || group.is('Dead')) return { groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND };
      if (!group.is('Empty')) return { groupId, errorCode: ErrorCode.NON_EMPTY_GROUP };
      this.dropGroup(group);
      return { groupId, errorCode: ErrorCode.NONE };
    });
  }

  // ---- offsets -------------------------------------------------------------------------------

  /** Resolves once the offsets are written to the offsets log (they survive a crash of the process). */
  async commitOffsets(p: OffsetCommitParams): Promise<PartitionErrors> {
    const all = (errorCode: number): PartitionErrors => ({
      topics: p.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((x) => ({ partitionIndex: x.partitionIndex, errorCode })) })),
    });
    let group = this.groups.get(p.groupId);
    if (!group) {
      // Only a commit from outside group management may create a group; a member's commit with a
      // generation means it belonged to a group that is gone.
      if (p.generationId >= 0) return all(ErrorCode.ILLEGAL_GENERATION);
      group = new ClassicGroup(p.groupId);
      this.groups.set(p.groupId, group);
    }
    const error = this.validateCommit(group, p);
    if (error !== ErrorCode.NONE) {
      this.onGroupEmpty(group);
      return all(error);
    }
    if (group.is('CompletingRebalance')) {
      // A current member that has not synced yet: let it finish the rebalance first.
      return all(ErrorCode.REBALANCE_IN_PROGRESS);
    }
    if (group.is('Stable') || group.is('PreparingRebalance')) {
      const member = group.members.get(p.memberId);
      if (member) this.rebalancer.touch(group, member);
    }
    const toStore: OffsetToCommit[] = [];
    const result: PartitionErrors = {
      topics: p.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((x) => {
          const metadata = x.committedMetadata ?? '';
          if (Buffer.byteLength(metadata, 'utf8') > this.config.maxOffsetMetadataBytes) {
            return { partitionIndex: x.partitionIndex, errorCode: ErrorCode.OFFSET_METADATA_TOO_LARGE };
          }
          toStore.push({ topic: t.name, partition: x.partitionIndex, offset: x.committedOffset, leaderEpoch: x.committedLeaderEpoch, metadata });
          return { partitionIndex: x.partitionIndex, errorCode: ErrorCode.NONE };
        }),
      })),
    };
    if (toStore.length > 0) {
      this.offsets.storeGroupMetadata(group.groupId, { protocolType: group.protocolType ?? '', generationId: group.generationId });
      this.offsets.commit(group.groupId, toStore, this.clock.now());
    }
    this.onGroupEmpty(group);
    return result;
  }

  /**
   * A committed transaction's offsets (TxnOffsetCommit, applied at EndTxn): stored whatever the
   * group's state, as Kafka does when the commit marker reaches the offsets log.
   */
  commitTransactionalOffsets(groupId: string, offsets: readonly OffsetToCommit[]): void {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new ClassicGroup(groupId);
      this.groups.set(groupId, group);
    }
    this.offsets.storeGroupMetadata(groupId, { protocolType: group.protocolType ?? '', generationId: group.generationId });
    this.offsets.commit(groupId, offsets, this.clock.now());
  }

  /** KIP-447: TxnOffsetCommit v3+ names the member and generation; checked as an OffsetCommit's are. */
  validateTransactionalMember(groupId: string, generationId: number, memberId: string, groupInstanceId: string | null): number {
    const group = this.groups.get(groupId);
    if (!group) return generationId >= 0 ? ErrorCode.ILLEGAL_GENERATION : ErrorCode.NONE;
    if (group.is('Empty') && generationId < 0) return ErrorCode.NONE;
    const error = this.rebalancer.validateMember(group, memberId, groupInstanceId);
    if (error !== ErrorCode.NONE) return error;
    return generationId === group.generationId ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION;
  }

  /** Committed offsets, whatever the group's state; `topics` null means every committed partition. */
  fetchOffsets(groupId: string, topics: TopicPartitions[] | null): OffsetFetchResult {
    const none = (partitionIndex: number): FetchedOffset => ({
      partitionIndex,
      committedOffset: -1,
      committedLeaderEpoch: -1,
      metadata: '',
      errorCode: ErrorCode.NONE,
    });
    const found = (partitionIndex: number, topic: string): FetchedOffset => {
      const o = this.offsets.get(groupId, topic, partitionIndex);
      if (!o) return none(partitionIndex);
      return { partitionIndex, committedOffset: o.offset, committedLeaderEpoch: o.leaderEpoch, metadata: o.metadata, errorCode: ErrorCode.NONE };
    };
    if (topics === null) {
      return {
        errorCode: ErrorCode.NONE,
        topics: [...this.offsets.offsets(groupId)].map(([name, parts]) => ({
          name,
          partitions: [...parts.keys()].sort((a, b) => a - b).map((p) => found(p, name)),
        })),
      };
    }
    return {
      errorCode: ErrorCode.NONE,
      topics: topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((p) => found(p, t.name)) })),
    };
  }

  /**
   * OffsetDelete: an empty group loses the offsets asked for; an active consumer group only those of
   * topics none of its members subscribes to (the others get GROUP_SUBSCRIBED_TO_TOPIC).
   */
  deleteOffsets(groupId: string, topics: TopicPartitions[]): OffsetDeleteResult {
    const group = this.groups.get(groupId);
    if (!group || group.is('Dead')) return { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, topics: [] };
    let subscribed: Set<string> | null = new Set();
    if (!group.is('Empty')) {
      if (group.protocolType !== 'consumer') return { errorCode: ErrorCode.NON_EMPTY_GROUP, topics: [] };
      subscribed = group.subscribedTopics();
    }
    const isSubscribed = (topic: string) => subscribed === null || subscribed.has(topic);
    const eligible: { topic: string; partition: number }[] = [];
    const result: OffsetDeleteResult = {
      errorCode: ErrorCode.NONE,
      topics: topics.map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => {
          if (isSubscribed(t.name)) return { partitionIndex, errorCode: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC };
          eligible.push({ topic: t.name, partition: partitionIndex });
          return { partitionIndex, errorCode: ErrorCode.NONE };
        }),
      })),
    };
    this.offsets.deleteOffsets(groupId, eligible);
    this.onGroupEmpty(group);
    return result;
  }

  /**
   * A deleted topic takes every group's committed offsets for it along, as in Kafka; consumer
   * groups subscribed to it rebalance so their members stop reading it.
   */
  forgetTopic(topic: string): void {
    for (const [groupId, group] of this.groups) {
      if (group.subscribedTopics()?.has(topic)) this.rebalancer.requestRejoin(group, `subscribed topic ${topic} was deleted`);
      const partitions = this.offsets.offsets(groupId).get(topic);
      if (!partitions || partitions.size === 0) continue;
      this.offsets.deleteOffsets(groupId, [...partitions.keys()].map((partition) => ({ topic, partition })));
      this.onGroupEmpty(group);
    }
  }

  /** Stops all timers, answers held requests with COORDINATOR_NOT_AVAILABLE, closes the offsets log. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const group of this.groups.values()) this.rebalancer.shutdownGroup(group, ErrorCode.COORDINATOR_NOT_AVAILABLE);
    this.groups.clear();
    this.offsets.close();
  }

  // ---- internals -----------------------------------------------------------------------------

  /** Kafka's commit rules: outsiders may commit only to an empty group, members with their generation. */
  private validateCommit(group: ClassicGroup, p: OffsetCommitParams): number {
    if (group.is('Dead')) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (p.generationId < 0 && group.is('Empty')) return ErrorCode.NONE;
    if (p.generationId >= 0 || p.memberId !== '' || p.groupInstanceId !== null) {
      const error = this.rebalancer.validateMember(group, p.memberId, p.groupInstanceId);
      if (error !== ErrorCode.NONE) return error;
      return p.generationId === group.generationId ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION;
    }
    return group.is('Empty') ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
  }

  /** Groups known only from the offsets log come back Empty, with their last generation. */
  private loadStoredGroups(): void {
    for (const groupId of this.offsets.groupIds()) {
      if (!this.offsets.hasOffsets(groupId)) {
        this.offsets.deleteGroup(groupId);
        continue;
      }
      const group = new ClassicGroup(groupId);
      const stored = this.offsets.groupMetadata(groupId);
      if (stored) {
        group.generationId = stored.generationId;
        group.protocolType = stored.protocolType === '' ? null : stored.protocolType;
      }
      this.groups.set(groupId, group);
    }
  }

  /**
   * An empty group is kept while it has committed offsets (its generation is saved with them);
   * one with nothing left is forgotten at once (Kafka does this in a periodic cleanup).
   */
  private onGroupEmpty(group: ClassicGroup): void {
    if (!group.is('Empty') || this.groups.get(group.groupId) !== group) return;
    if (group.size > 0 || group.pendingMembers.size > 0) return;
    if (this.offsets.hasOffsets(group.groupId)) {
      this.offsets.storeGroupMetadata(group.groupId, { protocolType: group.protocolType ?? '', generationId: group.generationId });
      return;
    }
    this.dropGroup(group);
  }

  private dropGroup(group: ClassicGroup): void {
    this.rebalancer.shutdownGroup(group, ErrorCode.COORDINATOR_NOT_AVAILABLE);
    group.transitionTo('Dead');
    this.groups.delete(group.groupId);
    this.offsets.deleteGroup(group.groupId);
  }
}
