import type { Admin } from 'kafkajs';
import { decodeMemberAssignment } from '@sluice/kafka-admin';
import { protocolErrorType } from '../kafka/index.js';
import { parseTopicPartitionKey, topicPartitionKey, type GroupMember, type TopicPartitionRef } from './describe-rows.js';

export interface GroupSnapshot {
  groupId: string;
  /** False for a group the coordinator does not know (state Dead or GROUP_ID_NOT_FOUND). */
  exists: boolean;
  state: string;
  members: GroupMember[];
}

/** States in which Kafka lets offsets be reset. */
export function isInactive(state: string): boolean {
  return state === 'Empty' || state === 'Dead';
}

export async function describeGroup(admin: Admin, groupId: string): Promise<GroupSnapshot> {
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const g = groups.find((x) => x.groupId === groupId);
    if (!g || g.state === 'Dead') return { groupId, exists: false, state: 'Dead', members: [] };
    return {
      groupId,
      exists: true,
      state: g.state,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.clientHost,
        assignment: decodeMemberAssignment(m.memberAssignment),
      })),
    };
  } catch (err) {
    if (protocolErrorType(err) === 'GROUP_ID_NOT_FOUND') return { groupId, exists: false, state: 'Dead', members: [] };
    throw err;
  }
}


/** The group's committed offsets for every topic it committed to (no commit → absent). */
export async function committedOffsets(admin: Admin, groupId: string): Promise<Map<string, bigint>> {
  const topics = await admin.fetchOffsets({ groupId });
  const out = new Map<string, bigint>();
  for (const { topic, partitions } of topics) {
    for (const p of partitions) {
      const offset = BigInt(p.offset);
      if (offset >= 0n) out.set(topicPartitionKey(topic, p.partition), offset);
    }
  }
  return out;
}

export interface LogRange {
  earliest: bigint;
  latest: bigint;
}

/**
 * Earliest and latest offsets of every partition of the given topics. Topics that no longer exist
 * are left out (their rows show "-"), instead of waiting out the client's retries.
 */
export async function logRanges(admin: Admin, topics: Iterable<string>): Promise<Map<string, LogRange>> {
  const existing = new Set(await admin.listTopics());
  const out = new Map<string, LogRange>();
  for (const topic of new Set(topics)) {
    if (!existing.has(topic)) continue;
    for (const p of await admin.fetchTopicOffsets(topic)) {
      out.set(topicPartitionKey(topic, p.partition), { earliest: BigInt(p.low), latest: BigInt(p.high) });
    }
  }
  return out;
}

/** Partition numbers of each topic; a missing topic maps to undefined. */
export async function partitionsOf(admin: Admin, topics: string[]): Promise<Map<string, number[] | undefined>> {
  const existing = new Set(await admin.listTopics());
  const present = topics.filter((t) => existing.has(t));
  const out = new Map<string, number[] | undefined>(topics.map((t) => [t, undefined]));
  if (present.length === 0) return out;
  const meta = await admin.fetchTopicMetadata({ topics: present });
  for (const t of meta.topics) out.set(t.name, t.partitions.map((p) => p.partitionId).sort((a, b) => a - b));
  return out;
}

/** Consumer groups (protocol type "consumer", or "" for groups that only hold offsets), sorted. */
export async function listConsumerGroups(admin: Admin): Promise<string[]> {
  const { groups } = await admin.listGroups();
  return groups
    .filter((g) => g.protocolType === 'consumer' || g.protocolType === '')
    .map((g) => g.groupId)
    .sort();
}

/** Consumer groups that read `topic`: a member holds one of its partitions, or the group committed an offset on it. */
export async function groupsReading(admin: Admin, topic: string): Promise<string[]> {
  const ids = await listConsumerGroups(admin);
  if (ids.length === 0) return [];
  const { groups } = await admin.describeGroups(ids);
  const readers: string[] = [];
  for (const g of groups) {
    const assigned = g.members.some((m) => decodeMemberAssignment(m.memberAssignment).some((a) => a.topic === topic));
    if (assigned || [...(await committedOffsets(admin, g.groupId)).keys()].some((k) => parseTopicPartitionKey(k).topic === topic)) {
      readers.push(g.groupId);
    }
  }
  return readers.sort();
}
