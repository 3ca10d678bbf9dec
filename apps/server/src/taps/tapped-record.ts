import type { RecordHeaders, StreamRecord, TapTarget } from '@sluice/streams';
import { decodePayload, type PayloadView } from '../topics/record-payload.js';
import type { TappedRecord } from '@sluice/api';

export type { TappedRecord } from '@sluice/api';

/** What a worker posts per tapped place after each drain. */
export interface TappedBatch {
  readonly target: TapTarget;
  readonly records: readonly TappedRecord[];
  /** Records that passed but were not kept (the ring overflowed between drains). */
  readonly missed: number;
}

/**
 * Key and value as the node sees them: decoded values stay JSON or text; bytes (a source's input,
 * a `bytes` format) read as a peek reads them.
 */
export function payloadView(payload: unknown): PayloadView {
  if (payload === null || payload === undefined) return { format: 'null', value: null };
  if (payload instanceof Uint8Array) return decodePayload(Buffer.isBuffer(payload) ? payload : Buffer.from(payload));
  if (typeof payload === 'string') return { format: 'string', value: payload };
  if (typeof payload === 'bigint') return { format: 'string', value: payload.toString() };
  return { format: 'json', value: payload };
}

function headerText(headers: RecordHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
  return out;
}

export function tappedRecord(record: StreamRecord): TappedRecord {
  return {
    key: payloadView(record.key),
    value: payloadView(record.value),
    headers: headerText(record.headers),
    timestamp: record.timestamp,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
  };
}

/** A stable key for a tapped place (`node:hot`, `edge:e1`). */
export function tapKey(target: TapTarget): string {
  return target.node !== undefined ? `node:${target.node}` : `edge:${target.edge}`;
}
