// CreatePartitions v0–1: grows a topic; shrinking or keeping the count is INVALID_PARTITIONS.
// The same caps as CreateTopics apply, and new partitions are opened in slices.
import { ErrorCode } from '@sluice/kafka-protocol';
import { PartitionBudget } from '../cluster/partition-budget.js';
import { defineHandler } from './handler.js';
import { topicErrorFields } from './topic-errors.js';


export const createPartitionsHandler = defineHandler({
  apiKey: 37,
  versions: { min: 0, max: 1 },
  advertised: { min: 0, max: 1 },
  async handle(state, request) {
    const budget = new PartitionBudget(state.settings);
    const results = [];
    for (const t of request.topics) results.push(await growOne(t));
    return { throttleTimeMs: 0, results };

    async function growOne(t: (typeof request.topics)[number]) {
      if (t.assignments?.some((a) => a.brokerIds.some((b) => b !== state.settings.nodeId))) {
        return {
          name: t.name,
          errorCode: ErrorCode.INVALID_REPLICA_ASSIGNMENT,
          errorMessage: `Replica assignments may only name broker ${state.settings.nodeId}, the embedded broker's one node.`,
        };
      }
      try {
        const topic = state.topics.checkAddPartitions(t.name, t.count);
        budget.take(t.name, t.count - topic.partitions.length);
        if (!request.validateOnly) await state.topics.addPartitions(t.name, t.count);
        return { name: t.name, errorCode: 0, errorMessage: null };
      } catch (err) {
        return { name: t.name, ...topicErrorFields(err) };
      }
    }
  },
});
