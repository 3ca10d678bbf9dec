// OffsetCommit v0–7: stores the offsets (with their metadata) in the offsets log before answering.
// v0 commits come from outside group management; v1+ carry generation and member id, checked as
// Kafka does (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS). Partitions of unknown
// topics get UNKNOWN_TOPIC_OR_PARTITION and are not stored.
import { ErrorCode, type OffsetCommitRequest, type OffsetCommitResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function offsetCommitHandler(groups: GroupCoordinator): ApiHandler<8> {
  return defineHandler({
    apiKey: 8,
    versions: { min: 0, max: 7 },
    advertised: { min: 0, max: 7 },
    async handle(state, req) {
      const unknown = new Set<string>();
      const known = req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.filter((p) => {
          const exists = state.topics.partition(t.name, p.partitionIndex) !== undefined;
          if (!exists) unknown.add(`${t.name}\0${p.partitionIndex}`);
          return exists;
        }).map((p) => ({
          partitionIndex: p.partitionIndex,
          committedOffset: Number(p.committedOffset),
          committedLeaderEpoch: p.committedLeaderEpoch,
          committedMetadata: p.committedMetadata,
        })),
      }));
      const result = await groups.commitOffsets({
        groupId: req.groupId,
        generationId: req.generationIdOrMemberEpoch,
        memberId: req.memberId,
        groupInstanceId: req.groupInstanceId,
        topics: known.filter((t) => t.partitions.length > 0),
      });
      const stored = new Map<string, number>();
      for (const t of result.topics) for (const p of t.partitions) stored.set(`${t.name}\0${p.partitionIndex}`, p.errorCode);
      return {
        throttleTimeMs: 0,
        topics: req.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => {
            const key = `${t.name}\0${p.partitionIndex}`;
            const errorCode = unknown.has(key) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : (stored.get(key) ?? ErrorCode.NONE);
            return { partitionIndex: p.partitionIndex, errorCode };
          }),
        })),
      };
    },
  });
}
