import { describe, expect, it } from 'vitest';
import { formatTopicDescription } from './describe-format.js';

describe('formatTopicDescription', () => {
  it('prints the kafka-topics.sh summary line and one line per partition in order', () => {
    const out = formatTopicDescription({
      name: 'orders',
      partitions: [
        { partition: 1, leader: 1, replicas: [1], isr: [1] },
        { partition: 0, leader: 1, replicas: [1], isr: [1] },
      ],
      configs: [
        ['cleanup.policy', 'compact'],
        ['retention.ms', '1000'],
      ],
    });
    expect(out).toBe(
      'Topic: orders\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: cleanup.policy=compact,retention.ms=1000\n' +
        '\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1\n' +
        '\tTopic: orders\tPartition: 1\tLeader: 1\tReplicas: 1\tIsr: 1\n',
    );
  });

  it('shows a topic id when known, "none" for a partition without leader, and empty Configs', () => {
    const out = formatTopicDescription({
      name: 't',
      topicId: 'AAAAAAAAAAAAAAAAAAAAAQ',
      partitions: [{ partition: 0, leader: -1, replicas: [1, 2], isr: [2] }],
      configs: [],
    });
    expect(out).toBe(
      'Topic: t\tTopicId: AAAAAAAAAAAAAAAAAAAAAQ\tPartitionCount: 1\tReplicationFactor: 2\tConfigs: \n' +
        '\tTopic: t\tPartition: 0\tLeader: none\tReplicas: 1,2\tIsr: 2\n',
    );
  });
});
