export interface PartitionDescription {
  partition: number;
  /** -1 when the partition has no leader. */
  leader: number;
  replicas: number[];
  isr: number[];
}

export interface TopicDescription {
  name: string;
  /** Absent: the client cannot learn topic ids (Metadata before v10), and Kafka then omits the field. */
  topicId?: string;
  partitions: PartitionDescription[];
  /** Non-default configs only, as kafka-topics.sh shows them. */
  configs: Array<[string, string]>;
}

/**
 * kafka-topics.sh --describe output for one topic: a summary line, then one tab-indented line per
 * partition in partition order.
 */
export function formatTopicDescription(topic: TopicDescription): string {
  const partitions = [...topic.partitions].sort((a, b) => a.partition - b.partition);
  const replicationFactor = partitions[0]?.replicas.length ?? 0;
  const head = [
    `Topic: ${topic.name}`,
    ...(topic.topicId ? [`TopicId: ${topic.topicId}`] : []),
    `PartitionCount: ${partitions.length}`,
    `ReplicationFactor: ${replicationFactor}`,
    `Configs: ${topic.configs.map(([k, v]) => `${k}=${v}`).join(',')}`,
  ].join('\t');
  const lines = partitions.map(
    (p) =>
      `\tTopic: ${topic.name}\tPartition: ${p.partition}\tLeader: ${p.leader >= 0 ? p.leader : 'none'}` +
      `\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}`,
  );
  return [head, ...lines].join('\n') + '\n';
}
