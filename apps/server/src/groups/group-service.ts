import { commitAsSoleMember, decodeMemberAssignment } from '@sluice/kafka-admin';
import type { Admin, GroupDescription } from 'kafkajs';
import { ConflictError, InvalidRequestError, NotFoundError } from '../errors.js';
import { protocolErrorType } from '../kafka/kafka-errors.js';
import type { KafkaConnection } from '../kafka/kafka-connection.js';
import { planOffsetReset, ShiftWithoutOffsetError, type PlannedReset } from './offset-reset.js';
import type { ResetOffsetsRequest } from './group-requests.js';
import type { GroupDetail, GroupMemberView, GroupPartitionView, GroupSummary, OffsetReset } from '@sluice/api';

export type { GroupDetail, GroupMemberView, GroupPartitionView, GroupSummary, OffsetReset } from '@sluice/api';

export interface GroupReader {
  readonly groupId: string;
  readonly state: string;
  readonly members: number;
  /** Set when the group is a pipeline's. */
  readonly pipelineId?: string;
}

/** Groups the server makes for a moment to read a topic; not worth listing. */
const TRANSIENT_GROUP = /^sluice-peek-/;
/** Kafka lets offsets be changed, and groups be deleted, only in these states. */
const INACTIVE = new Set(['Empty', 'Dead']);

type Range = { earliest: number; end: number };
const tp = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** Consumer groups for the REST API: lag per partition, offset resets and deletion, as kafka-consumer-groups.sh does them. */
export class GroupService {
  constructor(
    private readonly connection: KafkaConnection,
    /** The pipeline a group belongs to, if any. */
    private readonly pipelineOf: (groupId: string) => string | undefined = () => undefined,
  ) {}

  async list(): Promise<GroupSummary[]> {
    return this.connection.withAdmin(async (admin) => {
      const { groups } = await admin.listGroups();
      const ids = groups.filter((g) => (g.protocolType === 'consumer' || g.protocolType === '') && !TRANSIENT_GROUP.test(g.groupId)).map((g) => g.groupId);
      if (ids.length === 0) return [];
      const { groups: described } = await admin.describeGroups(ids);
      const ranges = new Map<string, Range>();
      const out = await Promise.all(
        described.map(async (g): Promise<GroupSummary> => {
          const committed = await committedOffsets(admin, g.groupId);
          const topics = [...new Set([...committed.keys()].map((k) => k.slice(0, k.indexOf('\u0000'))))].sort();
          await loadRanges(admin, topics, ranges);
          let lag: number | null = null;
          for (const [key, offset] of committed) {
            const range = ranges.get(key);
            if (range) lag = (lag ?? 0) + Math.max(0, range.end - offset);
          }
          const pipelineId = this.pipelineOf(g.groupId);
          return { groupId: g.groupId, state: g.state, protocolType: g.protocolType, members: g.members.length, lag, topics, ...(pipelineId ? { pipelineId } : {}) };
        }),
      );
      return out.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
    });
  }

  /** Consumer groups that read `topic`: a member is assigned one of its partitions, or the group committed an offset on it. */
  async readersOf(topic: string): Promise<GroupReader[]> {
    return this.connection.withAdmin(async (admin) => {
      const { groups } = await admin.listGroups();
      const ids = groups.filter((g) => (g.protocolType === 'consumer' || g.protocolType === '') && !TRANSIENT_GROUP.test(g.groupId)).map((g) => g.groupId);
      if (ids.length === 0) return [];
      const { groups: described } = await admin.describeGroups(ids);
      const readers: GroupReader[] = [];
      for (const g of described) {
        const assigned = g.members.some((m) => decodeMemberAssignment(m.memberAssignment).some((a) => a.topic === topic));
        if (!assigned && (await committedOffsets(admin, g.groupId, topic)).size === 0) continue;
        const pipelineId = this.pipelineOf(g.groupId);
        readers.push({ groupId: g.groupId, state: g.state, members: g.members.length, ...(pipelineId ? { pipelineId } : {}) });
      }
      return readers.sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
    });
  }

  async get(groupId: string): Promise<GroupDetail> {
    return this.connection.withAdmin(async (admin) => {
      const group = await describe(admin, groupId);
      const committed = await committedOffsets(admin, groupId);
      if (group.state === 'Dead' && committed.size === 0) throw unknownGroup(groupId);
      const members = group.members.map((m): GroupMemberView => ({ memberId: m.memberId, clientId: m.clientId, host: m.clientHost, assignment: decodeMemberAssignment(m.memberAssignment) }));
      const holder = new Map<string, GroupMemberView>();
      for (const m of members) for (const a of m.assignment) holder.set(tp(a.topic, a.partition), m);
      const keys = new Set([...holder.keys(), ...committed.keys()]);
      const ranges = new Map<string, Range>();
      await loadRanges(admin, [...keys].map((k) => k.slice(0, k.indexOf('\u0000'))), ranges);
      let lag: number | null = null;
      const partitions = [...keys]
        .map((key): GroupPartitionView => {
          const at = key.indexOf('\u0000');
          const current = committed.get(key) ?? null;
          const range = ranges.get(key);
          const partitionLag = current !== null && range ? Math.max(0, range.end - current) : null;
          if (partitionLag !== null) lag = (lag ?? 0) + partitionLag;
          const member = holder.get(key);
          return {
            topic: key.slice(0, at),
            partition: Number(key.slice(at + 1)),
            currentOffset: current,
            earliestOffset: range?.earliest ?? null,
            logEndOffset: range?.end ?? null,
            lag: partitionLag,
            ...(member ? { memberId: member.memberId, clientId: member.clientId, host: member.host } : {}),
          };
        })
        .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
      const pipelineId = this.pipelineOf(groupId);
      return { groupId, state: group.state, protocolType: group.protocolType, protocol: group.protocol, ...(pipelineId ? { pipelineId } : {}), members, partitions, lag };
    });
  }

  async resetOffsets(groupId: string, request: ResetOffsetsRequest): Promise<OffsetReset> {
    const { plan, warnings } = await this.connection.withAdmin(async (admin) => {
      const group = await describe(admin, groupId);
      this.mustBeInactive(group, 'reset its offsets');
      const topics = await admin.listTopics();
      if (!topics.includes(request.topic)) throw new NotFoundError(`topic "${request.topic}" does not exist`);
      const offsets = await admin.fetchTopicOffsets(request.topic);
      const known = new Set(offsets.map((o) => o.partition));
      const wanted = request.partitions ?? [...known];
      const missing = wanted.filter((p) => !known.has(p));
      if (missing.length > 0) throw new InvalidRequestError(`topic "${request.topic}" has no partition ${missing.join(', ')} (it has ${known.size})`);
      const committed = await committedOffsets(admin, groupId, request.topic);
      const positions = offsets
        .filter((o) => wanted.includes(o.partition))
        .map((o) => ({ partition: o.partition, earliestOffset: Number(o.low), endOffset: Number(o.high), committed: committed.get(tp(request.topic, o.partition)) ?? null }));
      const reset = request.to === 'offset' || request.to === 'shift' ? { to: request.to, value: request.value! } : { to: request.to };
      try {
        const planned = planOffsetReset(request.topic, reset, positions);
        return { plan: planned.partitions, warnings: planned.warnings };
      } catch (err) {
        if (err instanceof ShiftWithoutOffsetError) throw new InvalidRequestError(err.message);
        throw err;
      }
    });
    if (!request.dryRun) {
      const offsets = plan.map((p) => ({ topic: request.topic, partition: p.partition, offset: p.newOffset }));
      await this.connection.track(() => commitAsSoleMember(this.connection.kafka, groupId, offsets));
    }
    return { groupId, topic: request.topic, dryRun: request.dryRun, partitions: plan, warnings };
  }

  async delete(groupId: string): Promise<void> {
    await this.connection.withAdmin(async (admin) => {
      const group = await describe(admin, groupId);
      const committed = await committedOffsets(admin, groupId);
      if (group.state === 'Dead' && committed.size === 0) throw unknownGroup(groupId);
      this.mustBeInactive(group, 'delete it');
      await admin.deleteGroups([groupId]);
    });
  }

  private mustBeInactive(group: GroupDescription, what: string): void {
    if (INACTIVE.has(group.state)) return;
    const pipelineId = this.pipelineOf(group.groupId);
    const who = pipelineId ? `stop pipeline ${pipelineId} first` : 'stop its consumers first';
    throw new ConflictError(`consumer group "${group.groupId}" is active (${group.state}, ${group.members.length} member${group.members.length === 1 ? '' : 's'}); Kafka lets you ${what} only while it has no members: ${who}`);
  }
}

function unknownGroup(groupId: string): NotFoundError {
  return new NotFoundError(`consumer group "${groupId}" does not exist (no members, no committed offsets)`);
}

async function describe(admin: Admin, groupId: string): Promise<GroupDescription> {
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups.find((g) => g.groupId === groupId);
    if (group) return group;
  } catch (err) {
    if (protocolErrorType(err) !== 'GROUP_ID_NOT_FOUND') throw err;
  }
  return { groupId, state: 'Dead', members: [], protocol: '', protocolType: '' };
}

/** Committed offsets by topic-partition key (partitions without a commit are left out). */
async function committedOffsets(admin: Admin, groupId: string, topic?: string): Promise<Map<string, number>> {
  const topics = await admin.fetchOffsets({ groupId, ...(topic ? { topics: [topic] } : {}) });
  const out = new Map<string, number>();
  for (const t of topics) for (const p of t.partitions) if (Number(p.offset) >= 0) out.set(tp(t.topic, p.partition), Number(p.offset));
  return out;
}

/** Log start and end of every partition of the topics that still exist, added to `into`. */
async function loadRanges(admin: Admin, topics: readonly string[], into: Map<string, Range>): Promise<void> {
  const wanted = [...new Set(topics)].filter((t) => ![...into.keys()].some((k) => k.startsWith(`${t}\u0000`)));
  if (wanted.length === 0) return;
  const existing = new Set(await admin.listTopics());
  for (const topic of wanted) {
    if (!existing.has(topic)) continue;
    for (const o of await admin.fetchTopicOffsets(topic)) into.set(tp(topic, o.partition), { earliest: Number(o.low), end: Number(o.high) });
  }
}

