import { describe, expect, it } from 'vitest';
import {
  apiKeys,
  apis,
  decode,
  encode,
  ProtocolDecodeError,
  Reader,
  Writer,
  type MessageSchema,
} from '../src/index.js';
import { sampleMessage, type SampleMode } from './support/sample-values.js';

// Every declared API, every version, request and response: values generated from the declarations
// survive encode → decode unchanged, re-encode to the same bytes, and every truncation of the
// bytes is rejected with ProtocolDecodeError.

interface Case {
  label: string;
  schema: MessageSchema;
  version: number;
  mode: SampleMode;
}

const cases: Case[] = [];
for (const key of apiKeys) {
  const api = apis[key];
  for (let version = api.minVersion; version <= api.maxVersion; version++) {
    for (const schema of [api.request, api.response] as MessageSchema[]) {
      for (const mode of ['full', 'empty'] as const) {
        cases.push({ label: `${schema.name} v${version} ${mode}`, schema, version, mode });
      }
    }
  }
}

const encodeToBuffer = (schema: MessageSchema, version: number, value: unknown) =>
  encode(schema, version, value as never, new Writer()).toBuffer();

describe('round trip through the generic codec', () => {
  it('covers every declared API and version', () => {
    expect(apiKeys).toHaveLength(30);
    expect(cases.length).toBeGreaterThan(250);
  });

  it.each(cases)('$label', ({ schema, version, mode }) => {
    const value = sampleMessage(schema, version, mode);
    const bytes = encodeToBuffer(schema, version, value);
    const reader = new Reader(bytes);
    const decoded = decode(schema, version, reader);
    expect(reader.remaining).toBe(0);
    expect(decoded).toEqual(value);
    expect(encodeToBuffer(schema, version, decoded).equals(bytes)).toBe(true);

    for (let length = 0; length < bytes.length; length++) {
      const truncated = new Reader(bytes.subarray(0, length));
      expect(() => decode(schema, version, truncated), `cut at ${length} of ${bytes.length}`).toThrow(ProtocolDecodeError);
    }
  });
});
