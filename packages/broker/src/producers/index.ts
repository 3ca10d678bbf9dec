// Idempotent and transactional producers on the partition side: per producer and partition epoch,
// sequence and open-transaction state, the aborted-transactions index and the last stable offset.
export { ProducerStates } from './producer-states.js';
export { PartitionProducers, type ProduceOutcome, type TxnMembership } from './partition-producers.js';
export { PartitionProducerState, RETAINED_BATCHES, nextSequence } from './producer-state.js';
export type { AbortedTxn, BatchCheck, ProducerBatch, ProducerStateSnapshot } from './producer-state.js';
