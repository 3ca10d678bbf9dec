// CreateTopics v0–4. Partitions/replication factor -1 (v4) take the broker's defaults. The embedded
// broker has one node, so a replication factor above 1 is refused with a message that says where
// replication is to be had. Partitions are capped per request (max.partitions.per.request,
// INVALID_PARTITIONS) and per broker (max.broker.partitions, POLICY_VIOLATION), and opened in
// slices so that other connections are served while a large topic is created.
import { ErrorCode } from '@sluice/kafka-protocol';
import { PartitionBudget } from '../cluster/partition-budget.js';
import { defineHandler } from './handler.js';
import { topicErrorFields } from './topic-errors.js';


export const createTopicsHandler = defineHandler({
  apiKey: 19,
  versions: { min: 0, max: 4 },
  advertised: { min: 0, max: 4 },
  async handle(state, request) {
    const budget = new PartitionBudget(state.settings);
    const topics = [];
    for (const t of request.topics) topics.push(await createOne(t));
    return { throttleTimeMs: 0, topics };

    async function createOne(t: (typeof request.topics)[number]) {
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
        budget.take(t.name, partitions);
        if (request.validateOnly) state.topics.checkCreate(t.name, partitions, replicationFactor, configs);
        else await state.topics.create(t.name, partitions, replicationFactor, configs);
        return { name: t.name, errorCode: 0, errorMessage: null };
      } catch (err) {
        return { name: t.name, ...topicErrorFields(err) };
      }
    }
  },
});
