// InitProducerId v0–4: a producer id and epoch for an idempotent producer (null transactional id)
// or a transactional one, whose epoch is bumped, fencing any older producer with the same id and
// aborting the transaction it left open. transaction.timeout.ms above transaction.max.timeout.ms is
// INVALID_TRANSACTION_TIMEOUT. v3+ (flexible from v2) carry the producer's current id and epoch when
// it asks for a bump to recover from an abortable error (KIP-360; librdkafka needs this to abort a
// transaction after, e.g., a timed-out record); v4 answers PRODUCER_FENCED instead of
// INVALID_PRODUCER_EPOCH when that producer is no longer current.
import { ErrorCode } from '@sluice/kafka-protocol';
import type { TransactionCoordinator } from '../transactions/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function initProducerIdHandler(txns: TransactionCoordinator): ApiHandler<22> {
  return defineHandler({
    apiKey: 22,
    versions: { min: 0, max: 4 },
    advertised: { min: 0, max: 4 },
    handle(_state, req, ctx) {
      const current = ctx.apiVersion >= 3 ? { producerId: Number(req.producerId), producerEpoch: req.producerEpoch } : null;
      const fenced = ctx.apiVersion >= 4 ? ErrorCode.PRODUCER_FENCED : ErrorCode.INVALID_PRODUCER_EPOCH;
      const r = txns.initProducerId(req.transactionalId, req.transactionTimeoutMs, current, fenced);
      return { throttleTimeMs: 0, errorCode: r.errorCode, producerId: BigInt(r.producerId), producerEpoch: r.producerEpoch };
    },
  });
}
