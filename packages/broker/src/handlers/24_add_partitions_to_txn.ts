// AddPartitionsToTxn v0–1: registers the partitions a transactional producer is about to write.
// All are added or none: unknown partitions get UNKNOWN_TOPIC_OR_PARTITION, the rest
// OPERATION_NOT_ATTEMPTED.
import type { TransactionCoordinator } from '../transactions/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function addPartitionsToTxnHandler(txns: TransactionCoordinator): ApiHandler<24> {
  return defineHandler({
    apiKey: 24,
    versions: { min: 0, max: 1 },
    advertised: { min: 0, max: 1 },
    handle(_state, req) {
      const asked = req.v3AndBelowTopics.flatMap((t) => t.partitions.map((p) => [t.name, p] as [string, number]));
      const codes = txns.addPartitions(req.v3AndBelowTransactionalId, Number(req.v3AndBelowProducerId), req.v3AndBelowProducerEpoch, asked);
      let i = 0;
      return {
        throttleTimeMs: 0,
        resultsByTopicV3AndBelow: req.v3AndBelowTopics.map((t) => ({
          name: t.name,
          resultsByPartition: t.partitions.map((p) => ({ partitionIndex: p, partitionErrorCode: codes[i++] })),
        })),
      };
    },
  });
}
