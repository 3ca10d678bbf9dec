import type { PayloadView } from '@sluice/api';

export type { PayloadView } from '@sluice/api';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodePayload(bytes: Buffer | null | undefined): PayloadView {
  if (bytes === null || bytes === undefined) return { format: 'null', value: null };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { format: 'bytes', value: bytes.toString('base64') };
  }
  const trimmed = text.trim();
  if (trimmed !== '' && looksLikeJson(trimmed)) {
    try {
      return { format: 'json', value: JSON.parse(trimmed) as unknown };
    } catch {
      // Not JSON after all: shown as the text it is.
    }
  }
  return { format: 'string', value: text };
}

/** Skips JSON.parse for text that cannot be JSON (most plain strings). */
function looksLikeJson(text: string): boolean {
  const c = text[0]!;
  return c === '{' || c === '[' || c === '"' || c === '-' || (c >= '0' && c <= '9') || text === 'true' || text === 'false' || text === 'null';
}

/**
 * The bytes of a test record's value: a string is written as its text, null is a tombstone, and
 * anything else as its JSON.
 */
export function encodeValue(value: unknown): Buffer | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** Header values as text (kafkajs gives Buffers, or arrays of them for repeated keys). */
export function decodeHeaders(headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    if (raw === undefined) continue;
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}
