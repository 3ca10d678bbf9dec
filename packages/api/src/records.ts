import * as z from 'zod';

/**
 * How a key, value or header reads in JSON views: parsed JSON when the bytes are JSON, else UTF-8
 * text, else base64, so a peek or a tap never hides or mangles a record.
 */
export const payloadSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('json'), value: z.unknown() }),
  z.object({ format: z.literal('string'), value: z.string() }),
  z.object({ format: z.literal('bytes'), value: z.string() }),
  z.object({ format: z.literal('null'), value: z.null() }),
]);
export type PayloadView = z.output<typeof payloadSchema>;

export const headersSchema = z.record(z.string(), z.string());
