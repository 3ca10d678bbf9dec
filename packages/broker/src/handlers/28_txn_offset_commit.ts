// TxnOffsetCommit v0–3: offsets kept pending in the transaction until EndTxn commits them (an abort
// drops them). v3 (flexible; librdkafka sends it) carries the consumer's generation and member id,
// checked against the group (KIP-447), so a consumer that lost its partitions in a rebalance cannot
// commit for them. Unknown partitions get UNKNOWN_TOPIC_OR_PARTITION. Never answers 14/16 (kafkajs
// mis-handles them here).
import { ErrorCode } from '@sluice/kafka-protocol';
import type { TransactionCoordinator } from '../transactions/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function txnOffsetCommitHandler(txns: TransactionCoordinator): ApiHandler<28> {
  return defineHandler({
    apiKey: 28,
    versions: { min: 0, max: 3 },
    advertised: { min: 0, max: 3 },
    handle(state, req) {
      const exists = (topic: string, partition: number) => state.topics.partition(topic, partition) !== undefined;
      const offsets = req.topics.flatMap((t) =>
        t.partitions
          .filter((p) => exists(t.name, p.partitionIndex))
          .map((p) => ({
            topic: t.name,
            partition: p.partitionIndex,
            offset: Number(p.committedOffset),
            leaderEpoch: p.committedLeaderEpoch,
            metadata: p.committedMetadata ?? '',
          })),
      );
      const errorCode = txns.txnOffsetCommit({
        transactionalId: req.transactionalId,
        groupId: req.groupId,
        producerId: Number(req.producerId),
        producerEpoch: req.producerEpoch,
        generationId: req.generationId,
        memberId: req.memberId,
        groupInstanceId: req.groupInstanceId,
        offsets,
      });
      return {
        throttleTimeMs: 0,
        topics: req.topics.map((t) => ({
          name: t.name,
          partitions: t.partitions.map((p) => ({
            partitionIndex: p.partitionIndex,
            errorCode: exists(t.name, p.partitionIndex) ? errorCode : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          })),
        })),
      };
    },
  });
}
