import * as z from 'zod';
import { pipelineStatusSchema } from './pipelines.js';
import { headersSchema, payloadSchema } from './records.js';

/** Where a tap looks: `GET /api/pipelines/:id/taps?node=ID` or `?edge=ID`. */
export type TapPlace = { node: string } | { edge: string };

export function tapPath(pipelineId: string, place: TapPlace): string {
  const query = 'node' in place ? `node=${encodeURIComponent(place.node)}` : `edge=${encodeURIComponent(place.edge)}`;
  return `/api/pipelines/${encodeURIComponent(pipelineId)}/taps?${query}`;
}

/** The server-sent events of a tap stream, by name. */
export const TAP_EVENTS = { opened: 'tap', record: 'record', dropped: 'dropped' } as const;

/** The data of the first event, `tap`: what is tapped and how much the stream carries. */
export const tapOpenedSchema = z.object({
  pipelineId: z.string(),
  node: z.string().optional(),
  edge: z.string().optional(),
  capacity: z.number(),
  maxEventsPerSecond: z.number(),
  status: pipelineStatusSchema,
});
export type TapOpened = z.output<typeof tapOpenedSchema>;

/** A record seen at a tapped node or edge: the data of one `record` event. */
export const tappedRecordSchema = z.object({
  key: payloadSchema,
  value: payloadSchema,
  headers: headersSchema,
  timestamp: z.number(),
  /** Where the record was consumed. */
  topic: z.string(),
  partition: z.number(),
  offset: z.number(),
});
export type TappedRecord = z.output<typeof tappedRecordSchema>;

/** The data of a `dropped` event: records the stream skipped while the client was slow. */
export const tapDroppedSchema = z.object({ count: z.number() });
