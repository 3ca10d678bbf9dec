import { ErrorCode } from '@sluice/kafka-protocol';
import type { Logger } from '../logger.js';
import type { PendingOffset, TransactionEffects, TransactionMetadata } from './transaction-metadata.js';
import type { TransactionStore } from './transaction-store.js';

/** Producer ids are handed out in blocks so that idempotent producers do not each cost a write. */
const PRODUCER_ID_BLOCK = 1000;
/** Past this epoch a transactional id moves to a new producer id (Kafka: Short.MaxValue - 1). */
const MAX_EPOCH = 32766;

export interface TransactionCoordinatorConfig {
  /** transaction.max.timeout.ms: a longer transaction.timeout.ms is INVALID_TRANSACTION_TIMEOUT. */
  maxTimeoutMs: number;
  /** transaction.abort.timed.out.transaction.cleanup.interval.ms */
  abortCheckIntervalMs: number;
}

export const defaultTransactionConfig: TransactionCoordinatorConfig = { maxTimeoutMs: 900_000, abortCheckIntervalMs: 10_000 };

export interface ProducerIdResult {
  errorCode: number;
  producerId: number;
  producerEpoch: number;
}

export interface TxnOffsetCommitParams {
  transactionalId: string;
  groupId: string;
  producerId: number;
  producerEpoch: number;
  /** KIP-447 fields (TxnOffsetCommit v3+); -1 / '' when the client did not send them. */
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  offsets: Omit<PendingOffset, 'groupId'>[];
}

/**
 * The transaction coordinator of a single-node broker: hands out producer ids and epochs, tracks
 * each transactional id's transaction (partitions, groups, pending offsets), ends transactions by
 * writing markers, and aborts those open past their timeout. It owns this state alone; handlers
 * are thin calls into it. Every change is saved before it is answered.
 */
export class TransactionCoordinator {
  private readonly txns = new Map<string, TransactionMetadata>();
  /** Transactional id by producer id, for Produce's "is this partition in the transaction" check. */
  private readonly byProducerId = new Map<number, string>();
  private nextProducerId: number;
  private reservedUpTo: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: TransactionStore,
    private readonly effects: TransactionEffects,
    private readonly logger: Logger,
    private readonly config: TransactionCoordinatorConfig = defaultTransactionConfig,
    private readonly now: () => number = Date.now,
  ) {
    const saved = store.load();
    this.nextProducerId = this.reservedUpTo = saved.nextProducerId;
    for (const t of saved.transactions) this.index(t);
    this.finishInterrupted();
  }

  /** Starts the periodic abort of timed-out transactions. */
  start(): void {
    this.timer = setInterval(() => this.abortTimedOut(), this.config.abortCheckIntervalMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  // ---- InitProducerId --------------------------------------------------------------------------

  /**
   * `current` (InitProducerId v3+, KIP-360) is the producer's own id and epoch when it asks for an
   * epoch bump to recover from an error; a transactional producer that is no longer current gets
   * `fencedError` (PRODUCER_FENCED from v4, INVALID_PRODUCER_EPOCH before).
   */
  initProducerId(
    transactionalId: string | null,
    timeoutMs: number,
    current: { producerId: number; producerEpoch: number } | null = null,
    fencedError: number = ErrorCode.INVALID_PRODUCER_EPOCH,
  ): ProducerIdResult {
    if (transactionalId === null || transactionalId === '') {
      if (current !== null && current.producerId >= 0 && current.producerEpoch >= 0 && current.producerEpoch < MAX_EPOCH) {
        // An idempotent producer bumping its own epoch: the partitions then expect sequence 0.
        return { errorCode: ErrorCode.NONE, producerId: current.producerId, producerEpoch: current.producerEpoch + 1 };
      }
      return { errorCode: ErrorCode.NONE, producerId: this.allocateProducerId(), producerEpoch: 0 };
    }
    if (timeoutMs <= 0 || timeoutMs > this.config.maxTimeoutMs) {
      return { errorCode: ErrorCode.INVALID_TRANSACTION_TIMEOUT, producerId: -1, producerEpoch: -1 };
    }
    let txn = this.txns.get(transactionalId);
    if (txn && current !== null && current.producerId >= 0) {
      const known = current.producerEpoch === txn.producerEpoch || current.producerEpoch === (txn.lastProducerEpoch ?? -1);
      if (current.producerId !== txn.producerId || !known) return { errorCode: fencedError, producerId: -1, producerEpoch: -1 };
    }
    if (!txn) {
      txn = {
        transactionalId,
        producerId: this.allocateProducerId(),
        producerEpoch: 0,
        timeoutMs,
        state: 'Empty',
        partitions: [],
        groups: [],
        pendingOffsets: [],
        startedAt: -1,
      };
      this.index(txn);
    } else {
      // A new producer with this id: abort what the old one left open and fence it with a new epoch.
      this.bumpEpoch(txn);
      if (txn.state === 'Ongoing') this.complete(txn, false);
      txn.state = 'Empty';
      txn.timeoutMs = timeoutMs;
      txn.lastProducerEpoch = -1;
    }
    this.save();
    return { errorCode: ErrorCode.NONE, producerId: txn.producerId, producerEpoch: txn.producerEpoch };
  }

  // ---- AddPartitionsToTxn / AddOffsetsToTxn / TxnOffsetCommit ----------------------------------

  /** Error code per partition: all added, or none (3 for unknown partitions, 55 for the others). */
  addPartitions(transactionalId: string, producerId: number, producerEpoch: number, partitions: [string, number][]): number[] {
    const txn = this.txns.get(transactionalId);
    const error = this.checkProducer(txn, producerId, producerEpoch);
    if (error !== ErrorCode.NONE || !txn) return partitions.map(() => error);
    const unknown = partitions.map(([t, p]) => !this.effects.partitionExists(t, p));
    if (unknown.some(Boolean)) {
      return unknown.map((u) => (u ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.OPERATION_NOT_ATTEMPTED));
    }
    this.begin(txn);
    let changed = false;
    for (const [t, p] of partitions) {
      if (txn.partitions.some(([t2, p2]) => t2 === t && p2 === p)) continue;
      txn.partitions.push([t, p]);
      changed = true;
    }
    if (changed) this.save();
    return partitions.map(() => ErrorCode.NONE);
  }

  addOffsets(transactionalId: string, producerId: number, producerEpoch: number, groupId: string): number {
    const txn = this.txns.get(transactionalId);
    const error = this.checkProducer(txn, producerId, producerEpoch);
    if (error !== ErrorCode.NONE || !txn) return error;
    this.begin(txn);
    if (!txn.groups.includes(groupId)) {
      txn.groups.push(groupId);
      this.save();
    }
    return ErrorCode.NONE;
  }

  /** Offsets kept pending until EndTxn; one error code for all partitions of the request. */
  txnOffsetCommit(p: TxnOffsetCommitParams): number {
    const txn = this.txns.get(p.transactionalId);
    const error = this.checkProducer(txn, p.producerId, p.producerEpoch);
    if (error !== ErrorCode.NONE || !txn) return error;
    if (txn.state !== 'Ongoing' || !txn.groups.includes(p.groupId)) return ErrorCode.INVALID_TXN_STATE;
    if (p.generationId >= 0 || p.memberId !== '' || p.groupInstanceId !== null) {
      const memberError = this.effects.validateGroupMember(p.groupId, p.generationId, p.memberId, p.groupInstanceId);
      if (memberError !== ErrorCode.NONE) return memberError;
    }
    for (const o of p.offsets) {
      txn.pendingOffsets = txn.pendingOffsets.filter((x) => !(x.groupId === p.groupId && x.topic === o.topic && x.partition === o.partition));
      txn.pendingOffsets.push({ groupId: p.groupId, ...o });
    }
    this.save();
    return ErrorCode.NONE;
  }

  // ---- EndTxn ----------------------------------------------------------------------------------

  endTxn(transactionalId: string, producerId: number, producerEpoch: number, commit: boolean): number {
    const txn = this.txns.get(transactionalId);
    const error = this.checkProducer(txn, producerId, producerEpoch);
    if (error !== ErrorCode.NONE || !txn) return error;
    switch (txn.state) {
      case 'Ongoing':
        this.complete(txn, commit);
        this.save();
        return ErrorCode.NONE;
      case 'CompleteCommit':
        return commit ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE; // a retried commit
      case 'CompleteAbort':
        return commit ? ErrorCode.INVALID_TXN_STATE : ErrorCode.NONE;
      default:
        return ErrorCode.INVALID_TXN_STATE;
    }
  }

  // ---- Produce's view ----------------------------------------------------------------------------

  /** Whether a transactional batch of this producer may be written to the partition: an error code. */
  checkTransactionalWrite(producerId: number, producerEpoch: number, topic: string, partition: number): number {
    const id = this.byProducerId.get(producerId);
    const txn = id === undefined ? undefined : this.txns.get(id);
    if (!txn || txn.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (producerEpoch !== txn.producerEpoch) return ErrorCode.INVALID_PRODUCER_EPOCH;
    if (txn.state !== 'Ongoing' || !txn.partitions.some(([t, p]) => t === topic && p === partition)) return ErrorCode.INVALID_TXN_STATE;
    return ErrorCode.NONE;
  }

  /** Aborts transactions open longer than their timeout, bumping the epoch to fence the producer. */
  abortTimedOut(): number {
    const now = this.now();
    let aborted = 0;
    for (const txn of this.txns.values()) {
      if (txn.state !== 'Ongoing' || now - txn.startedAt <= txn.timeoutMs) continue;
      const epochBefore = txn.producerEpoch;
      this.bumpEpoch(txn);
      // The producer did not ask for this bump: let it recover with its old epoch (KIP-360).
      txn.lastProducerEpoch = txn.producerEpoch > 0 ? epochBefore : -1;
      this.complete(txn, false);
      this.logger.info(
        `aborted transaction of "${txn.transactionalId}" open for ${now - txn.startedAt} ms (transaction.timeout.ms ${txn.timeoutMs}); producer epoch now ${txn.producerEpoch}`,
      );
      aborted++;
    }
    if (aborted > 0) this.save();
    return aborted;
  }

  describe(transactionalId: string): Readonly<TransactionMetadata> | undefined {
    return this.txns.get(transactionalId);
  }

  // ---- internals -------------------------------------------------------------------------------

  private checkProducer(txn: TransactionMetadata | undefined, producerId: number, producerEpoch: number): number {
    if (!txn || txn.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (producerEpoch !== txn.producerEpoch) return ErrorCode.INVALID_PRODUCER_EPOCH;
    if (txn.state === 'PrepareCommit' || txn.state === 'PrepareAbort') return ErrorCode.CONCURRENT_TRANSACTIONS;
    return ErrorCode.NONE;
  }

  /** The first AddPartitions/AddOffsets of a transaction opens it (the caller saves). */
  private begin(txn: TransactionMetadata): void {
    if (txn.state === 'Ongoing') return;
    txn.state = 'Ongoing';
    txn.partitions = [];
    txn.groups = [];
    txn.pendingOffsets = [];
    txn.startedAt = this.now();
  }

  /**
   * Ends the open transaction: saves the decision first (so a crash part-way is finished on the next
   * start), writes a marker to every partition, applies the offsets on commit, then saves the end.
   */
  private complete(txn: TransactionMetadata, commit: boolean): void {
    txn.state = commit ? 'PrepareCommit' : 'PrepareAbort';
    this.save();
    for (const [topic, partition] of txn.partitions) {
      if (!this.effects.writeMarker(topic, partition, txn.producerId, txn.producerEpoch, commit)) {
        this.logger.warn(`transaction of "${txn.transactionalId}": partition ${topic}-${partition} is gone; no marker written`);
      }
    }
    if (commit) {
      for (const groupId of txn.groups) {
        const offsets = txn.pendingOffsets.filter((o) => o.groupId === groupId);
        if (offsets.length > 0) this.effects.commitOffsets(groupId, offsets);
      }
    }
    txn.state = commit ? 'CompleteCommit' : 'CompleteAbort';
    txn.partitions = [];
    txn.groups = [];
    txn.pendingOffsets = [];
    txn.startedAt = -1;
  }

  private bumpEpoch(txn: TransactionMetadata): void {
    if (txn.producerEpoch < MAX_EPOCH) {
      txn.producerEpoch++;
      return;
    }
    this.byProducerId.delete(txn.producerId);
    txn.producerId = this.allocateProducerId();
    txn.producerEpoch = 0;
    this.byProducerId.set(txn.producerId, txn.transactionalId);
  }

  private allocateProducerId(): number {
    if (this.nextProducerId >= this.reservedUpTo) {
      this.reservedUpTo = this.nextProducerId + PRODUCER_ID_BLOCK;
      this.save();
    }
    return this.nextProducerId++;
  }

  private index(txn: TransactionMetadata): void {
    this.txns.set(txn.transactionalId, txn);
    this.byProducerId.set(txn.producerId, txn.transactionalId);
  }

  /** A crash between deciding and finishing an EndTxn: finish it now (markers are written again). */
  private finishInterrupted(): void {
    let finished = 0;
    for (const txn of this.txns.values()) {
      if (txn.state !== 'PrepareCommit' && txn.state !== 'PrepareAbort') continue;
      this.complete(txn, txn.state === 'PrepareCommit');
      finished++;
    }
    if (finished > 0) {
      this.save();
      this.logger.info(`finished ${finished} transaction(s) interrupted by the last shutdown`);
    }
  }

  private save(): void {
    // Producer ids are saved as the end of the reserved block, so none is handed out twice.
    this.store.save({ nextProducerId: this.reservedUpTo, transactions: [...this.txns.values()] });
  }
}
