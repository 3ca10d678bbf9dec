// AddOffsetsToTxn v0–1: a consumer group's offsets become part of the transaction; they are sent
// next with TxnOffsetCommit (to this same node, the group coordinator).
import type { TransactionCoordinator } from '../transactions/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function addOffsetsToTxnHandler(txns: TransactionCoordinator): ApiHandler<25> {
  return defineHandler({
    apiKey: 25,
    versions: { min: 0, max: 1 },
    advertised: { min: 0, max: 1 },
    handle(_state, req) {
      const errorCode = txns.addOffsets(req.transactionalId, Number(req.producerId), req.producerEpoch, req.groupId);
      return { throttleTimeMs: 0, errorCode };
    },
  });
}
