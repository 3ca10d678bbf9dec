/**
 * Requests and results of the group coordinator, shaped like the Kafka messages they serve (field
 * names as in Kafka's message schemas, first letter lowercased) so the handlers map them 1:1.
 */

export type GroupStateName = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface GroupProtocol {
  name: string;
  metadata: Buffer;
}

export interface JoinGroupParams {
  groupId: string;
  /** '' for a member joining for the first time. */
  memberId: string;
  /** group.instance.id of a static member, else null. */
  groupInstanceId: string | null;
  protocolType: string;
  protocols: GroupProtocol[];
  sessionTimeoutMs: number;
  /** JoinGroup v0 has none: pass the session timeout, as Kafka does. */
  rebalanceTimeoutMs: number;
  clientId: string;
  clientHost: string;
  /** True for JoinGroup v4+: a first join gets MEMBER_ID_REQUIRED and an id to rejoin with. */
  requireKnownMemberId: boolean;
}

export interface JoinGroupMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

export interface JoinGroupResult {
  errorCode: number;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  memberId: string;
  /** Filled for the leader only. */
  members: JoinGroupMember[];
}

export interface SyncGroupParams {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  /** SyncGroup v5+ only; null when the request does not carry it. */
  protocolType?: string | null;
  protocolName?: string | null;
  /** Sent by the leader; empty for followers. */
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface SyncGroupResult {
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
}

export interface HeartbeatParams {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

export interface MemberIdentity {
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeaveGroupResult {
  errorCode: number;
  members: { memberId: string; groupInstanceId: string | null; errorCode: number }[];
}

export interface DescribedMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  memberMetadata: Buffer;
  memberAssignment: Buffer;
}

export interface DescribedGroup {
  errorCode: number;
  groupId: string;
  groupState: GroupStateName;
  protocolType: string;
  /** The selected protocol's name while Stable, else ''. */
  protocolData: string;
  members: DescribedMember[];
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  groupState: GroupStateName;
}

export interface OffsetCommitPartition {
  partitionIndex: number;
  committedOffset: number;
  /** -1 when the client does not know it. */
  committedLeaderEpoch: number;
  committedMetadata: string | null;
}

export interface OffsetCommitParams {
  groupId: string;
  /** -1 (with memberId '') for a commit from outside group management (admin, assign()). */
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  topics: { name: string; partitions: OffsetCommitPartition[] }[];
}

export interface PartitionErrors {
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
}

export interface FetchedOffset {
  partitionIndex: number;
  /** -1 when nothing is committed. */
  committedOffset: number;
  committedLeaderEpoch: number;
  metadata: string;
  errorCode: number;
}

export interface OffsetFetchResult {
  errorCode: number;
  topics: { name: string; partitions: FetchedOffset[] }[];
}

export interface TopicPartitions {
  name: string;
  partitionIndexes: number[];
}

export interface OffsetDeleteResult {
  errorCode: number;
  topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[];
}
