import * as z from 'zod';

// A record as a tap (`event: record` on GET /api/pipelines/:id/taps) or a topic peek shows it
// (apps/server/README.md), read leniently once here.

const payloadSchema = z.union([
  z.looseObject({ format: z.string(), value: z.unknown() }),
  z.null().transform(() => ({ format: 'null', value: null })),
]);
export type PayloadView = { format: string; value: unknown };

const headersSchema = z
  .union([
    z.record(z.string(), z.unknown()),
    z.array(z.looseObject({ key: z.string(), value: z.unknown() })).transform((list) => Object.fromEntries(list.map((h) => [h.key, h.value]))),
  ])
  .transform((headers) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])))
  .catch({});

export const tapRecordSchema = z.looseObject({
  key: payloadSchema.catch({ format: 'null', value: null }).default({ format: 'null', value: null }),
  value: payloadSchema.catch({ format: 'null', value: null }).default({ format: 'null', value: null }),
  headers: headersSchema.default({}),
  timestamp: z.union([z.number(), z.string()]).optional(),
  topic: z.string().optional(),
  partition: z.number().optional(),
  offset: z.union([z.number(), z.string()]).optional(),
});

export interface TapRecord {
  /** Unique within one panel: the event id, or topic/partition/offset. */
  uid: string;
  key: PayloadView;
  value: PayloadView;
  headers: Record<string, string>;
  /** Milliseconds since epoch, when known. */
  timestamp?: number;
  topic?: string;
  partition?: number;
  offset?: string;
}

/** A record from an event's data; null when the data is not one. */
export function readTapRecord(data: unknown, uid?: string): TapRecord | null {
  const parsed = tapRecordSchema.safeParse(data);
  if (!parsed.success) return null;
  const r = parsed.data;
  const timestamp = typeof r.timestamp === 'string' ? Number(r.timestamp) || Date.parse(r.timestamp) : r.timestamp;
  const offset = r.offset === undefined ? undefined : String(r.offset);
  return {
    uid: uid ?? `${r.topic ?? ''}/${r.partition ?? ''}/${offset ?? Math.random().toString(36).slice(2)}`,
    key: r.key,
    value: r.value,
    headers: r.headers,
    ...(timestamp !== undefined && Number.isFinite(timestamp) ? { timestamp } : {}),
    ...(r.topic !== undefined ? { topic: r.topic } : {}),
    ...(r.partition !== undefined ? { partition: r.partition } : {}),
    ...(offset !== undefined ? { offset } : {}),
  };
}

/** The payload as text for the record list: JSON compactly, text as is, bytes as base64. */
export function payloadText(payload: PayloadView): string {
  if (payload.format === 'null' || payload.value === null || payload.value === undefined) return 'null';
  if (payload.format === 'json') return JSON.stringify(payload.value);
  return String(payload.value);
}
