import { ErrorCode } from '@sluice/kafka-protocol';

/** Kafka keeps the last 5 batches per producer and partition to answer retried duplicates. */
export const RETAINED_BATCHES = 5;
const MAX_SEQUENCE = 0x7fff_ffff;

/** What the producer state needs of a batch header. */
export interface ProducerBatch {
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  /** lastOffsetDelta: the batch holds sequences baseSequence … baseSequence + lastOffsetDelta. */
  lastOffsetDelta: number;
  isTransactional: boolean;
}

export interface RetainedBatch {
  firstSeq: number;
  lastSeq: number;
  baseOffset: number;
  lastOffset: number;
}

export interface ProducerEntry {
  epoch: number;
  /** Newest last. */
  batches: RetainedBatch[];
  /** First offset of this producer's open transaction on the partition, -1 when none. */
  txnFirstOffset: number;
  /** Wall clock of the producer's last write here (absent in older snapshots). */
  lastSeen?: number;
}

export interface AbortedTxn {
  producerId: number;
  firstOffset: number;
  /** Offset of the abort marker. */
  lastOffset: number;
}

export type BatchCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; baseOffset: number }
  | { kind: 'error'; errorCode: number; message: string };

export interface ProducerStateSnapshot {
  /** Everything below this offset is reflected. */
  offset: number;
  producers: [number, ProducerEntry][];
  aborted: AbortedTxn[];
}

/** Sequences wrap at INT32_MAX back to 0. */
export function nextSequence(seq: number, by = 1): number {
  const n = seq + by;
  return n > MAX_SEQUENCE ? n - MAX_SEQUENCE - 1 : n;
}

/**
 * The producer state of one partition: per producer id its epoch, the sequences and offsets of its
 * last five batches, and its open transaction; plus the index of aborted transactions. Pure logic:
 * the caller checks a batch, appends it, then records it with the offsets it got.
 */
export class PartitionProducerState {
  private readonly producers = new Map<number, ProducerEntry>();
  /** In marker order, so sorted by lastOffset (transactions overlap, so not by firstOffset). */
  private aborted: AbortedTxn[] = [];
  /** Open transactions' first offsets, by producer id. */
  private readonly open = new Map<number, number>();
  /** Offset up to which this state reflects the log. */
  offset = 0;

  static fromSnapshot(s: ProducerStateSnapshot): PartitionProducerState {
    const state = new PartitionProducerState();
    state.offset = s.offset;
    for (const [pid, entry] of s.producers) {
      state.producers.set(pid, entry);
      if (entry.txnFirstOffset >= 0) state.open.set(pid, entry.txnFirstOffset);
    }
    state.aborted = [...s.aborted].sort((a, b) => a.lastOffset - b.lastOffset);
    return state;
  }

  snapshot(): ProducerStateSnapshot {
    return { offset: this.offset, producers: [...this.producers], aborted: [...this.aborted] };
  }

  get producerCount(): number {
    return this.producers.size;
  }

  entry(producerId: number): ProducerEntry | undefined {
    return this.producers.get(producerId);
  }

  /** Kafka's append checks for an idempotent or transactional batch (producer id ≥ 0). */
  check(batch: ProducerBatch): BatchCheck {
    const entry = this.producers.get(batch.producerId);
    if (!entry) return { kind: 'append' }; // unknown producer: any sequence starts it
    if (batch.producerEpoch < entry.epoch) {
      return {
        kind: 'error',
        errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
        message: `producer ${batch.producerId} epoch ${batch.producerEpoch} is older than the current epoch ${entry.epoch}`,
      };
    }
    const lastSeq = nextSequence(batch.baseSequence, batch.lastOffsetDelta);
    if (batch.producerEpoch > entry.epoch || entry.batches.length === 0) {
      if (batch.producerEpoch > entry.epoch && batch.baseSequence !== 0) {
        return {
          kind: 'error',
          errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
          message: `producer ${batch.producerId} starts epoch ${batch.producerEpoch} at sequence ${batch.baseSequence}, not 0`,
        };
      }
      return { kind: 'append' };
    }
    const dup = entry.batches.find((b) => b.firstSeq === batch.baseSequence && b.lastSeq === lastSeq);
    if (dup) return { kind: 'duplicate', baseOffset: dup.baseOffset };
    const expected = nextSequence(entry.batches[entry.batches.length - 1].lastSeq);
    if (batch.baseSequence !== expected) {
      return {
        kind: 'error',
        errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        message: `producer ${batch.producerId} sent sequence ${batch.baseSequence}; expected ${expected}`,
      };
    }
    return { kind: 'append' };
  }

  /** Records a batch appended at [baseOffset, baseOffset + lastOffsetDelta]. */
  appended(batch: ProducerBatch, baseOffset: number): void {
    let entry = this.producers.get(batch.producerId);
    if (!entry || batch.producerEpoch > entry.epoch) {
      entry = { epoch: batch.producerEpoch, batches: [], txnFirstOffset: entry?.txnFirstOffset ?? -1 };
      this.producers.set(batch.producerId, entry);
    }
    const lastOffset = baseOffset + batch.lastOffsetDelta;
    entry.lastSeen = Date.now();
    entry.batches.push({ firstSeq: batch.baseSequence, lastSeq: nextSequence(batch.baseSequence, batch.lastOffsetDelta), baseOffset, lastOffset });
    if (entry.batches.length > RETAINED_BATCHES) entry.batches.shift();
    if (batch.isTransactional && entry.txnFirstOffset < 0) {
      entry.txnFirstOffset = baseOffset;
      this.open.set(batch.producerId, baseOffset);
    }
    this.offset = Math.max(this.offset, lastOffset + 1);
  }

  /** A commit or abort marker at `offset` ends the producer's open transaction here. */
  marker(producerId: number, producerEpoch: number, commit: boolean, offset: number): void {
    let entry = this.producers.get(producerId);
    if (!entry) {
      entry = { epoch: producerEpoch, batches: [], txnFirstOffset: -1 };
      this.producers.set(producerId, entry);
    }
    entry.lastSeen = Date.now();
    if (producerEpoch > entry.epoch) {
      // A bumped epoch (fencing, timeout) restarts the sequences.
      entry.epoch = producerEpoch;
      entry.batches = [];
    }
    if (entry.txnFirstOffset >= 0 && !commit) {
      this.aborted.push({ producerId, firstOffset: entry.txnFirstOffset, lastOffset: offset });
    }
    entry.txnFirstOffset = -1;
    this.open.delete(producerId);
    this.offset = Math.max(this.offset, offset + 1);
  }

  /** Whether the producer has data of an open transaction here. */
  inTransaction(producerId: number): boolean {
    return this.open.has(producerId);
  }

  /** First offset of the oldest open transaction, else the high watermark. */
  lastStableOffset(highWatermark: number): number {
    let lso = highWatermark;
    for (const first of this.open.values()) if (first < lso) lso = first;
    return lso;
  }

  /** Aborted transactions that overlap [from, to), sorted by first offset (Fetch's aborted_transactions). */
  abortedTransactions(from: number, to: number): AbortedTxn[] {
    // Binary search for the first marker at or after `from`; a reader near the end scans little.
    let lo = 0;
    let hi = this.aborted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.aborted[mid].lastOffset < from) lo = mid + 1;
      else hi = mid;
    }
    const found: AbortedTxn[] = [];
    for (let i = lo; i < this.aborted.length; i++) if (this.aborted[i].firstOffset < to) found.push(this.aborted[i]);
    return found.sort((a, b) => a.firstOffset - b.firstOffset);
  }

  /**
   * Forgets producers idle since before `cutoff` (wall clock) with no open transaction, as Kafka does
   * after producer.id.expiration.ms; a retry from one of them is then accepted as a new producer.
   */
  expireProducers(cutoff: number): number {
    let expired = 0;
    for (const [pid, entry] of this.producers) {
      if (entry.txnFirstOffset >= 0 || (entry.lastSeen ?? 0) >= cutoff) continue;
      this.producers.delete(pid);
      expired++;
    }
    return expired;
  }

  /** Every aborted transaction in the index: what a log cleaner needs to drop aborted records. */
  allAbortedTransactions(): readonly AbortedTxn[] {
    return this.aborted;
  }

  /** Forgets aborted transactions wholly below the log start offset. */
  truncateHead(logStartOffset: number): void {
    if (this.aborted.length > 0 && this.aborted[0].lastOffset < logStartOffset) {
      this.aborted = this.aborted.filter((a) => a.lastOffset >= logStartOffset);
    }
  }
}
