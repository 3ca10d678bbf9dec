import { describeValue } from '../describe-value.js';
import { SerdeError, type Format, type Serde } from './serde.js';

export const jsonSerde: Serde<unknown> = {
  format: 'json',
  serialize(value) {
    if (value === null || value === undefined) return null;
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (err) {
      throw new SerdeError(`value cannot be written as JSON: ${(err as Error).message}`);
    }
    if (text === undefined) throw new SerdeError(`value of type ${typeof value} cannot be written as JSON`);
    return Buffer.from(text, 'utf8');
  },
  deserialize(bytes) {
    if (bytes === null) return null;
    const text = bytes.toString('utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new SerdeError(`not valid JSON (${(err as Error).message}): ${preview(text)}`);
    }
  },
};

export const stringSerde: Serde<unknown> = {
  format: 'string',
  serialize(value) {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return Buffer.from(value, 'utf8');
    if (Buffer.isBuffer(value)) return value;
    if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    // Numbers, booleans and structures are written as their JSON text, which reads back naturally.
    return jsonSerde.serialize(value);
  },
  deserialize(bytes) {
    return bytes === null ? null : bytes.toString('utf8');
  },
};

export const bytesSerde: Serde<unknown> = {
  format: 'bytes',
  serialize(value) {
    if (value === null || value === undefined) return null;
    if (Buffer.isBuffer(value)) return value;
    if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    if (typeof value === 'string') return Buffer.from(value, 'utf8');
    throw new SerdeError(
      `bytes format needs binary or text, got ${describeValue(value)}; use format "json" for structured values`,
    );
  },
  deserialize(bytes) {
    return bytes;
  },
};

const SERDES: Record<Format, Serde<unknown>> = { json: jsonSerde, string: stringSerde, bytes: bytesSerde };

export function serdeFor(format: Format): Serde<unknown> {
  const serde = SERDES[format];
  if (!serde) throw new Error(`unknown record format "${String(format)}"; use json, string or bytes`);
  return serde;
}

function preview(text: string): string {
  return text.length > 80 ? JSON.stringify(text.slice(0, 80)) + '…' : JSON.stringify(text);
}
