// InitProducerId v0–1: a producer id and epoch for an idempotent producer (null transactional id)
// or a transactional one, whose epoch is bumped, fencing any older producer with the same id and
// aborting the transaction it left open. transaction.timeout.ms above transaction.max.timeout.ms is
// INVALID_TRANSACTION_TIMEOUT.
import type { TransactionCoordinator } from '../transactions/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function initProducerIdHandler(txns: TransactionCoordinator): ApiHandler<22> {
  return defineHandler({
    apiKey: 22,
    versions: { min: 0, max: 1 },
    advertised: { min: 0, max: 1 },
    handle(_state, req) {
      const r = txns.initProducerId(req.transactionalId, req.transactionTimeoutMs);
      return { throttleTimeMs: 0, errorCode: r.errorCode, producerId: BigInt(r.producerId), producerEpoch: r.producerEpoch };
    },
  });
}
