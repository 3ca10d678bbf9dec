// CreatePartitions v0–1: grows a topic; shrinking or keeping the count is INVALID_PARTITIONS.
import { ErrorCode } from '@sluice/kafka-protocol';
import { defineHandler } from './handler.js';
import { topicErrorFields } from './topic-errors.js';


export const createPartitionsHandler = defineHandler({
  apiKey: 37,
  versions: { min: 0, max: 1 },
  advertised: { min: 0, max: 1 },
  handle(state, request) {
    const results = request.topics.map((t) => {
      if (t.assignments?.some((a) => a.brokerIds.some((b) => b !== state.settings.nodeId))) {
        return {
          name: t.name,
          errorCode: ErrorCode.INVALID_REPLICA_ASSIGNMENT,
          errorMessage: `Replica assignments may only name broker ${state.settings.nodeId}, the embedded broker's one node.`,
        };
      }
      try {
        if (request.validateOnly) state.topics.checkAddPartitions(t.name, t.count);
        else state.topics.addPartitions(t.name, t.count);
        return { name: t.name, errorCode: 0, errorMessage: null };
      } catch (err) {
        return { name: t.name, ...topicErrorFields(err) };
      }
    });
    return { throttleTimeMs: 0, results };
  },
});
