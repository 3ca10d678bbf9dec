/** Kafka's transaction states; Prepare* are only ever seen on disk after a crash mid-EndTxn. */
export type TransactionState = 'Empty' | 'Ongoing' | 'PrepareCommit' | 'PrepareAbort' | 'CompleteCommit' | 'CompleteAbort';

export interface PendingOffset {
  groupId: string;
  topic: string;
  partition: number;
  offset: number;
  leaderEpoch: number;
  metadata: string;
}

/** One transactional id's producer and its current transaction. */
export interface TransactionMetadata {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  /** The epoch before a bump the producer did not ask for (timeout abort), so it may still recover; else -1. */
  lastProducerEpoch?: number;
  timeoutMs: number;
  state: TransactionState;
  /** Partitions written in the current transaction, as [topic, partition]. */
  partitions: [string, number][];
  /** Consumer groups whose offsets the current transaction commits. */
  groups: string[];
  /** TxnOffsetCommit offsets, applied to the groups only when the transaction commits. */
  pendingOffsets: PendingOffset[];
  /** When the current transaction began (its first AddPartitions/AddOffsets), for the timeout. */
  startedAt: number;
}

/** Producer ids handed out so far, and every transactional id's state. */
export interface CoordinatorSnapshot {
  nextProducerId: number;
  transactions: TransactionMetadata[];
}

/** What the coordinator does to the rest of the broker. */
export interface TransactionEffects {
  /** Appends a commit/abort marker to the partition; false when the partition no longer exists. */
  writeMarker(topic: string, partition: number, producerId: number, producerEpoch: number, commit: boolean): boolean;
  partitionExists(topic: string, partition: number): boolean;
  /** Makes a committed transaction's offsets the group's committed offsets. */
  commitOffsets(groupId: string, offsets: PendingOffset[]): void;
  /** KIP-447: checks a TxnOffsetCommit's member and generation against the group; an error code. */
  validateGroupMember(groupId: string, generationId: number, memberId: string, groupInstanceId: string | null): number;
}
