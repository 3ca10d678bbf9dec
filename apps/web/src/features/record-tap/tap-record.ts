import { tappedRecordSchema, type PayloadView, type PeekedMessage, type TappedRecord } from '@sluice/api';

// A record as the panel lists it: from a tap (`event: record` on GET /api/pipelines/:id/taps) or a
// topic peek (dead letters), both shaped by the contract.

export type { PayloadView } from '@sluice/api';

export interface TapRecord {
  /** Unique within one panel: the event id, or topic/partition/offset. */
  uid: string;
  key: PayloadView;
  value: PayloadView;
  headers: Record<string, string>;
  /** Milliseconds since epoch. */
  timestamp?: number;
  topic?: string;
  partition?: number;
  offset?: string;
}

/** A record from a `record` event's data; null when the data is not one. */
export function readTapRecord(data: unknown, uid?: string): TapRecord | null {
  const parsed = tappedRecordSchema.safeParse(data);
  return parsed.success ? tapRecord(parsed.data, uid) : null;
}

/** A record of a topic peek, as the panel lists it. */
export function peekedTapRecord(topic: string, message: PeekedMessage): TapRecord {
  return tapRecord({ ...message, topic });
}

function tapRecord(record: TappedRecord, uid?: string): TapRecord {
  const offset = String(record.offset);
  return {
    uid: uid ?? `${record.topic}/${record.partition}/${offset}`,
    key: record.key,
    value: record.value,
    headers: record.headers,
    timestamp: record.timestamp,
    topic: record.topic,
    partition: record.partition,
    offset,
  };
}

/** The payload as text for the record list: JSON compactly, text as is, bytes as base64. */
export function payloadText(payload: PayloadView): string {
  if (payload.format === 'null' || payload.value === null || payload.value === undefined) return 'null';
  if (payload.format === 'json') return JSON.stringify(payload.value);
  return String(payload.value);
}
