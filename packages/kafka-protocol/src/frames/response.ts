import { decode } from '../codec/decode.js';
import { encode } from '../codec/encode.js';
import { apiFor, requireApi, type ResponseInputOfKey, type ResponseOfKey } from '../messages/index.js';
import { Reader } from '../primitives/reader.js';
import { Writer } from '../primitives/writer.js';

// Response frame: int32 size, header, body. Header v0 = correlationId; v1 (flexible versions)
// adds a tagged-field section — except ApiVersions, whose response header stays v0 at every
// version so that a client can read it before it knows what the broker supports.

const API_VERSIONS = 18;

export interface DecodedResponse<K extends number> {
  readonly correlationId: number;
  readonly body: ResponseOfKey<K>;
}


/** Whether the response header of this API version carries a tagged-field section. */
export function responseHeaderHasTaggedFields(apiKey: number, version: number): boolean {
  return apiKey !== API_VERSIONS && apiFor(apiKey)?.isFlexible(version) === true;
}

/**
 * A whole response as chunks for socket writes, int32 size prefix included. Large record fields
 * are separate chunks shared with the caller's Buffers, not copies.
 */
export function encodeResponse<K extends number>(
  apiKey: K,
  version: number,
  correlationId: number,
  body: ResponseInputOfKey<K>,
): Buffer[] {
  const api = requireApi(apiKey, version);
  const w = new Writer();
  const size = w.reserveInt32();
  w.int32(correlationId);
  if (responseHeaderHasTaggedFields(apiKey, version)) w.noTaggedFields();
  encode(api.response, version, body as never, w);
  w.setInt32(size, w.length - 4);
  return w.chunks();
}

/** Decodes a response frame (the bytes after the size prefix). */
export function decodeResponse<K extends number>(apiKey: K, version: number, frame: Buffer): DecodedResponse<K> {
  const api = requireApi(apiKey, version);
  const r = new Reader(frame);
  const correlationId = r.readInt32();
  if (responseHeaderHasTaggedFields(apiKey, version)) r.skipTaggedFields();
  const body = decode(api.response, version, r) as ResponseOfKey<K>;
  return { correlationId, body };
}
