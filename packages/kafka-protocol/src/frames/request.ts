import { decode } from '../codec/decode.js';
import { encode } from '../codec/encode.js';
import { apiFor, requireApi, type RequestInputOfKey, type RequestOfKey } from '../messages/index.js';
import { Reader } from '../primitives/reader.js';
import { Writer } from '../primitives/writer.js';

// Request frame: int32 size, then header, then body. Header v1 = apiKey int16, apiVersion int16,
// correlationId int32, clientId (int16-length nullable string); v2 (flexible API versions) adds a
// tagged-field section — but clientId keeps its int16 length so that any broker can read the
// header of an ApiVersions request from a newer client.

export interface RequestHeader {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
  /** Offset in the frame where the request body starts. */
  readonly bodyOffset: number;
}

/**
 * Reads the header of a request frame (the bytes after the size prefix). Works for any API key
 * and version, known or not, so the broker can always find the correlation id; for an unknown API
 * key the header is read as v1 (no tagged fields).
 */
export function decodeRequestHeader(frame: Buffer): RequestHeader {
  const r = new Reader(frame);
  const apiKey = r.readInt16();
  const apiVersion = r.readInt16();
  const correlationId = r.readInt32();
  const clientId = r.readNullableString();
  if (apiFor(apiKey)?.isFlexible(apiVersion)) r.skipTaggedFields();
  return { apiKey, apiVersion, correlationId, clientId, bodyOffset: r.offset };
}


/**
 * Decodes the body of a request frame starting at `offset` (RequestHeader.bodyOffset). Throws
 * UnsupportedApiError for an undeclared key or version, ProtocolDecodeError for bad bytes.
 */
export function decodeRequest<K extends number>(apiKey: K, version: number, frame: Buffer, offset: number): RequestOfKey<K> {
  const api = requireApi(apiKey, version);
  return decode(api.request, version, new Reader(frame, offset)) as RequestOfKey<K>;
}

/** A whole request as chunks for the socket, int32 size prefix included (for tests and clients). */
export function encodeRequest<K extends number>(
  apiKey: K,
  version: number,
  correlationId: number,
  clientId: string | null,
  body: RequestInputOfKey<K>,
): Buffer[] {
  const api = requireApi(apiKey, version);
  const w = new Writer();
  const size = w.reserveInt32();
  w.int16(apiKey).int16(version).int32(correlationId).nullableString(clientId);
  if (api.isFlexible(version)) w.noTaggedFields();
  encode(api.request, version, body as never, w);
  w.setInt32(size, w.length - 4);
  return w.chunks();
}
