import { AssignerProtocol } from 'kafkajs';

export interface TopicPartition {
  topic: string;
  partition: number;
}

/**
 * The partitions in a group member's assignment bytes (DescribeGroups), by topic then partition.
 * Empty while the group rebalances, and for groups that do not speak the consumer protocol (a
 * Connect worker, say): there is nothing per partition to show for those.
 */
export function decodeMemberAssignment(bytes: Buffer | undefined): TopicPartition[] {
  if (!bytes || bytes.length === 0) return [];
  let decoded;
  try {
    decoded = AssignerProtocol.MemberAssignment.decode(bytes);
  } catch {
    return [];
  }
  return Object.entries(decoded?.assignment ?? {})
    .flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition })))
    .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}
