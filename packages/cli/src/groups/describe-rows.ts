import type { MemberRow, OffsetRow } from './tables.js';

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

/** A group member as the describe views need it (assignment already decoded). */
export interface GroupMember {
  memberId: string;
  clientId: string;
  host: string;
  assignment: TopicPartitionRef[];
}

/** Map key for a topic-partition in the committed / log-end maps. */
export const topicPartitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export function parseTopicPartitionKey(key: string): TopicPartitionRef {
  const at = key.lastIndexOf('\u0000');
  return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)) };
}
const byTopicPartition = (a: TopicPartitionRef, b: TopicPartitionRef) =>
  a.topic.localeCompare(b.topic) || a.partition - b.partition;

/**
 * The offsets view, ordered as kafka-consumer-groups.sh orders it: members with the most partitions
 * first (their partitions by topic and number), then committed partitions no member holds (with "-"
 * for the member columns). LAG is only shown where both a committed and a log-end offset are known.
 */
export function buildOffsetRows(
  group: string,
  members: readonly GroupMember[],
  committed: ReadonlyMap<string, bigint>,
  logEnd: ReadonlyMap<string, bigint>,
): OffsetRow[] {
  const keyOf = topicPartitionKey;
  const row = (tp: TopicPartitionRef, member?: GroupMember): OffsetRow => {
    const current = committed.get(keyOf(tp.topic, tp.partition));
    const end = logEnd.get(keyOf(tp.topic, tp.partition));
    return {
      group,
      topic: tp.topic,
      partition: tp.partition,
      currentOffset: current?.toString(),
      logEndOffset: end?.toString(),
      lag: current !== undefined && end !== undefined ? (end - current).toString() : undefined,
      consumerId: member?.memberId,
      host: member?.host,
      clientId: member?.clientId,
    };
  };
  const rows: OffsetRow[] = [];
  const assigned = new Set<string>();
  const active = members.filter((m) => m.assignment.length > 0).sort((a, b) => b.assignment.length - a.assignment.length);
  for (const m of active) {
    for (const tp of [...m.assignment].sort(byTopicPartition)) {
      assigned.add(keyOf(tp.topic, tp.partition));
      rows.push(row(tp, m));
    }
  }
  const unassigned: TopicPartitionRef[] = [];
  for (const k of committed.keys()) {
    if (assigned.has(k)) continue;
    unassigned.push(parseTopicPartitionKey(k));
  }
  for (const tp of unassigned.sort(byTopicPartition)) rows.push(row(tp));
  return rows;
}

export function buildMemberRows(group: string, members: readonly GroupMember[]): MemberRow[] {
  return members.map((m) => ({
    group,
    consumerId: m.memberId,
    host: m.host,
    clientId: m.clientId,
    partitions: m.assignment.length,
  }));
}
