import { buildRecordBatch } from './record-batch-builder.js';
import type { DecodedRecord } from './record-decoder.js';
import { RecordFormatError } from './varint.js';

/** Control record types (Kafka's ControlRecordType): transaction markers. */
export const ControlRecordType = { abort: 0, commit: 1 } as const;
export type ControlMarker = keyof typeof ControlRecordType;

export interface ControlBatchOptions {
  marker: ControlMarker;
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  timestamp?: number;
  baseOffset?: number;
  partitionLeaderEpoch?: number;
}

/**
 * A transaction marker: a transactional control batch holding one record whose key is
 * int16 version 0 + int16 type and whose value is int16 version 0 + int32 coordinator epoch.
 */
export function buildControlBatch(opts: ControlBatchOptions): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(ControlRecordType[opts.marker], 2);
  const value = Buffer.alloc(6);
  value.writeInt16BE(0, 0);
  value.writeInt32BE(opts.coordinatorEpoch, 2);
  return buildRecordBatch([{ key, value, timestamp: opts.timestamp }], {
    baseOffset: opts.baseOffset,
    partitionLeaderEpoch: opts.partitionLeaderEpoch,
    producerId: opts.producerId,
    producerEpoch: opts.producerEpoch,
    transactional: true,
    control: true,
    timestamp: opts.timestamp,
  });
}

export interface ControlRecord {
  /** 0 abort, 1 commit; other values are control types this code does not act on. */
  type: number;
  marker: ControlMarker | null;
  /** Present on transaction markers. */
  coordinatorEpoch: number | null;
}

/** Reads the key (and, for markers, the value) of a record from a control batch. */
export function parseControlRecord(record: DecodedRecord): ControlRecord {
  const key = record.key;
  if (key === null || key.length < 4) throw new RecordFormatError(`control record at offset ${record.offset} has no version/type key`);
  const type = key.readInt16BE(2);
  const marker = type === ControlRecordType.abort ? 'abort' : type === ControlRecordType.commit ? 'commit' : null;
  const value = record.value;
  const coordinatorEpoch = marker !== null && value !== null && value.length >= 6 ? value.readInt32BE(2) : null;
  return { type, marker, coordinatorEpoch };
}
