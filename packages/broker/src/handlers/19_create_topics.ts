// CreateTopics v0–4. Partitions/replication factor -1 (v4) take the broker's defaults. The embedded
// broker has one node, so a replication factor above 1 is refused with a message that says where
// replication is to be had.
import { ErrorCode } from '@sluice/kafka-protocol';
import { defineHandler } from './handler.js';
import { topicErrorFields } from './topic-errors.js';


export const createTopicsHandler = defineHandler({
  apiKey: 19,
  versions: { min: 0, max: 4 },
  advertised: { min: 0, max: 4 },
  handle(state, request) {
    const topics = request.topics.map((t) => {
      const configs: Record<string, string> = {};
      for (const c of t.configs) if (c.value !== null) configs[c.name] = c.value;
      const assigned = t.assignments.length > 0;
      const partitions = assigned ? t.assignments.length : t.numPartitions === -1 ? state.settings.numPartitions : t.numPartitions;
      const replicationFactor = assigned ? t.assignments[0].brokerIds.length : t.replicationFactor === -1 ? 1 : t.replicationFactor;
      if (assigned && t.assignments.some((a) => a.brokerIds.some((b) => b !== state.settings.nodeId))) {
        return {
          name: t.name,
          errorCode: ErrorCode.INVALID_REPLICA_ASSIGNMENT,
          errorMessage: `Replica assignments may only name broker ${state.settings.nodeId}, the embedded broker's one node.`,
        };
      }
      try {
        if (request.validateOnly) state.topics.checkCreate(t.name, partitions, replicationFactor, configs);
        else state.topics.create(t.name, partitions, replicationFactor, configs);
        return { name: t.name, errorCode: 0, errorMessage: null };
      } catch (err) {
        return { name: t.name, ...topicErrorFields(err) };
      }
    });
    return { throttleTimeMs: 0, topics };
  },
});
