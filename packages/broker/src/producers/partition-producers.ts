import {
  CONTROL_BIT,
  ControlRecordType,
  ErrorCode,
  RecordBatchHeader,
  TRANSACTIONAL_BIT,
  buildControlBatch,
  decodeRecords,
  iterateBatches,
  parseControlRecord,
} from '@sluice/kafka-protocol';
import type { PartitionLog } from '../log/index.js';
import { PartitionProducerState, type AbortedTxn, type ProducerBatch } from './producer-state.js';
import { readProducerSnapshot, writeProducerSnapshot } from './snapshot-file.js';

const SCAN_CHUNK_BYTES = 1 << 20;
/** Kafka's producer.id.expiration.ms default: one day. */
const PRODUCER_EXPIRATION_MS = 86_400_000;

export type ProduceOutcome =
  | { errorCode: 0; baseOffset: number; duplicate: boolean }
  | { errorCode: number; message: string };

/** Answers whether a transactional producer has added this partition to its transaction. */
export type TxnMembership = (producerId: number, producerEpoch: number) => number;

/**
 * One partition's log together with its producer state: every append of a produce request and
 * every transaction marker goes through here, so the state always matches the log. The state is
 * loaded from the last snapshot and brought up to date by reading the rest of the log (after a
 * clean close there is nothing to read; after `kill -9` the tail since the last snapshot).
 */
export class PartitionProducers {
  private readonly state: PartitionProducerState;
  private dirty = false;
  /** Log end offset at the last save: plain appends move the log without touching the state. */
  private savedAt = -1;

  constructor(readonly log: PartitionLog) {
    const saved = readProducerSnapshot(log.dir);
    const usable = saved !== null && saved.offset <= log.logEndOffset;
    this.state = usable ? PartitionProducerState.fromSnapshot(saved) : new PartitionProducerState();
    if (usable) this.savedAt = saved.offset;
    this.replay(Math.max(usable ? saved.offset : 0, log.logStartOffset));
    this.state.truncateHead(log.logStartOffset);
  }

  /**
   * Checks the producer fields of the (already validated) batches in `records`, appends them, and
   * records them. A retried duplicate of one of the last five batches is not written again: it gets
   * the offset it was first written at.
   */
  append(records: Buffer, inTransaction: TxnMembership): ProduceOutcome {
    const batches = [...iterateBatches(records)].map((h) => ({ header: h, batch: producerBatch(h) }));
    let duplicateOffset = -1;
    for (const { batch } of batches) {
      if (batch.producerId < 0) continue;
      if (batch.isTransactional) {
        const code = inTransaction(batch.producerId, batch.producerEpoch);
        if (code !== ErrorCode.NONE) {
          return { errorCode: code, message: `producer ${batch.producerId} has not added this partition to its transaction` };
        }
      }
      const check = this.state.check(batch);
      if (check.kind === 'error') return { errorCode: check.errorCode, message: check.message };
      if (check.kind === 'duplicate') {
        if (batches.length === 1) return { errorCode: 0, baseOffset: check.baseOffset, duplicate: true };
        duplicateOffset = check.baseOffset;
      }
    }
    if (duplicateOffset >= 0) return { errorCode: ErrorCode.DUPLICATE_SEQUENCE_NUMBER, message: 'a request mixing new and duplicate batches' };
    const { baseOffset } = this.log.append(records);
    // append() rewrote each batch's baseOffset in place.
    for (const { header, batch } of batches) if (batch.producerId >= 0) this.state.appended(batch, header.baseOffset);
    this.state.offset = this.log.logEndOffset;
    this.dirty = true;
    return { errorCode: 0, baseOffset, duplicate: false };
  }

  /** Writes a commit or abort marker for the producer and closes its transaction here. */
  writeMarker(producerId: number, producerEpoch: number, commit: boolean, coordinatorEpoch: number): number {
    const batch = buildControlBatch({ marker: commit ? 'commit' : 'abort', producerId, producerEpoch, coordinatorEpoch, timestamp: Date.now() });
    const { baseOffset } = this.log.append(batch);
    this.state.marker(producerId, producerEpoch, commit, baseOffset);
    this.state.offset = this.log.logEndOffset;
    this.dirty = true;
    return baseOffset;
  }

  hasOpenTransaction(producerId: number): boolean {
    return this.state.inTransaction(producerId);
  }

  get lastStableOffset(): number {
    return this.state.lastStableOffset(this.log.logEndOffset);
  }

  abortedTransactions(from: number, to: number): AbortedTxn[] {
    return this.state.abortedTransactions(from, to);
  }

  /** The aborted-transactions index (producer id, first offset, marker offset), for a log cleaner. */
  allAbortedTransactions(): readonly AbortedTxn[] {
    this.state.truncateHead(this.log.logStartOffset);
    return this.state.allAbortedTransactions();
  }

  /**
   * Saves the state if it or the log changed since the last save, first forgetting producers idle
   * for longer than `producerExpirationMs`.
   */
  snapshot(producerExpirationMs = PRODUCER_EXPIRATION_MS): void {
    const end = this.log.logEndOffset;
    if (!this.dirty && end === this.savedAt) return;
    this.state.expireProducers(Date.now() - producerExpirationMs);
    this.state.truncateHead(this.log.logStartOffset);
    this.state.offset = end;
    writeProducerSnapshot(this.log.dir, this.state.snapshot());
    this.dirty = false;
    this.savedAt = end;
  }

  /** Applies every batch from `from` to the log end to the state. */
  private replay(from: number): void {
    let offset = from;
    while (offset < this.log.logEndOffset) {
      const { chunks } = this.log.read(offset, SCAN_CHUNK_BYTES, true);
      if (chunks.length === 0) break;
      let next = offset;
      for (const chunk of chunks) {
        for (const h of iterateBatches(chunk)) {
          next = h.lastOffset + 1;
          if (h.lastOffset < offset) continue;
          this.applyStored(h);
        }
      }
      if (next <= offset) break;
      offset = next;
    }
    this.state.offset = this.log.logEndOffset;
    if (offset > from) this.dirty = true;
  }

  private applyStored(h: RecordBatchHeader): void {
    if (h.producerId < 0) return;
    if ((h.attributes & CONTROL_BIT) !== 0) {
      const [record] = decodeRecords(h.bytes());
      if (!record) return;
      const control = parseControlRecord(record);
      if (control.marker === null) return;
      this.state.marker(h.producerId, h.producerEpoch, control.type === ControlRecordType.commit, h.baseOffset);
      return;
    }
    this.state.appended(producerBatch(h), h.baseOffset);
  }
}

function producerBatch(h: RecordBatchHeader): ProducerBatch {
  return {
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    lastOffsetDelta: h.lastOffsetDelta,
    isTransactional: (h.attributes & TRANSACTIONAL_BIT) !== 0,
  };
}
