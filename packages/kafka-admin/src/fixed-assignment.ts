import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

const NAME = 'SluiceFixedAssignment';

/**
 * kafkajs consumers always join a group. To read chosen partitions (Kafka's consumer.assign()),
 * join a throwaway group with this assignor: its first member gets exactly `partitions` of `topic`.
 */
export function fixedAssignment(topic: string, partitions: readonly number[]): PartitionAssigner {
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
          assignment: i === 0 ? { [topic]: [...partitions] } : {},
          userData: Buffer.alloc(0),
        }),
      })),
  });
}
