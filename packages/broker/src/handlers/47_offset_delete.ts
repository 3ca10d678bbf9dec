// OffsetDelete v0: removes committed offsets of some partitions. Allowed for an empty group, and in
// an active consumer group for topics no member subscribes to (else GROUP_SUBSCRIBED_TO_TOPIC).
// Partitions of unknown topics get UNKNOWN_TOPIC_OR_PARTITION.
import { ErrorCode, type OffsetDeleteRequest, type OffsetDeleteResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function offsetDeleteHandler(groups: GroupCoordinator): ApiHandler<47> {
  return defineHandler({
    apiKey: 47,
    versions: { min: 0, max: 0 },
    advertised: { min: 0, max: 0 },
    handle(state, req) {
      const exists = (topic: string, partition: number) => state.topics.partition(topic, partition) !== undefined;
      const known = req.topics.map((t) => ({
        name: t.name,
        partitionIndexes: t.partitions.map((p) => p.partitionIndex).filter((p) => exists(t.name, p)),
      }));
      const result = groups.deleteOffsets(req.groupId, known);
      if (result.errorCode !== ErrorCode.NONE) return { errorCode: result.errorCode, throttleTimeMs: 0, topics: [] };
      const answered = new Map<string, number>();
      for (const t of result.topics) for (const p of t.partitions) answered.set(`${t.name}\0${p.partitionIndex}`, p.errorCode);
      return {
        errorCode: ErrorCode.NONE,
        throttleTimeMs: 0,
        topics: req.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map(({ partitionIndex }) => ({
            partitionIndex,
            errorCode: answered.get(`${t.name}\0${partitionIndex}`) ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          })),
        })),
      };
    },
  });
}
