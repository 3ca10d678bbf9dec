// The transaction coordinator: producer ids and epochs, transactions and their markers, timeouts.
export { TransactionCoordinator, defaultTransactionConfig } from './coordinator.js';
export type { ProducerIdResult, TransactionCoordinatorConfig, TxnOffsetCommitParams } from './coordinator.js';
export { TransactionStore, TRANSACTIONS_DIR } from './transaction-store.js';
export type { CoordinatorSnapshot, PendingOffset, TransactionEffects, TransactionMetadata, TransactionState } from './transaction-metadata.js';
