import type { PartitionAssigner } from 'kafkajs';
import { AssignerProtocol } from '../kafka/index.js';

const NAME = 'SluiceSinglePartition';

/**
 * kafkajs consumers always join a group, so `--partition P` is done with a throwaway group whose
 * assignor hands exactly that partition to the (only) member, like Kafka's consumer.assign().
 */
export function singlePartitionAssigner(topic: string, partition: number): PartitionAssigner {
  return () => ({
    name: NAME,
    version: 0,
    protocol: ({ topics }) => ({
      name: NAME,
      metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }),
    }),
    assign: async ({ members }) =>
      members.map((member, i) => ({
        memberId: member.memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 0,
          assignment: i === 0 ? { [topic]: [partition] } : {},
          userData: Buffer.alloc(0),
        }),
      })),
  });
}
