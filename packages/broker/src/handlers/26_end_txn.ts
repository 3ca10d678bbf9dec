// EndTxn v0–1: commits or aborts the transaction. The coordinator writes a commit/abort marker to
// every partition of the transaction (and applies its offsets on commit) before this answers; a
// retried EndTxn with the same decision succeeds again.
import type { TransactionCoordinator } from '../transactions/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function endTxnHandler(txns: TransactionCoordinator): ApiHandler<26> {
  return defineHandler({
    apiKey: 26,
    versions: { min: 0, max: 1 },
    advertised: { min: 0, max: 1 },
    handle(_state, req) {
      const errorCode = txns.endTxn(req.transactionalId, Number(req.producerId), req.producerEpoch, req.committed);
      return { throttleTimeMs: 0, errorCode };
    },
  });
}
