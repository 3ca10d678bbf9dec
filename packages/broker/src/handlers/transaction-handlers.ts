import type { TransactionCoordinator } from '../transactions/index.js';
import { initProducerIdHandler } from './22_init_producer_id.js';
import { addPartitionsToTxnHandler } from './24_add_partitions_to_txn.js';
import { addOffsetsToTxnHandler } from './25_add_offsets_to_txn.js';
import { endTxnHandler } from './26_end_txn.js';
import { txnOffsetCommitHandler } from './28_txn_offset_commit.js';
import type { ApiHandler } from './handler.js';

/** The transaction coordinator's APIs over one coordinator, for the handler registry. */
export function transactionHandlers(txns: TransactionCoordinator): ApiHandler[] {
  return [
    initProducerIdHandler(txns),
    addPartitionsToTxnHandler(txns),
    addOffsetsToTxnHandler(txns),
    endTxnHandler(txns),
    txnOffsetCommitHandler(txns),
  ];
}
