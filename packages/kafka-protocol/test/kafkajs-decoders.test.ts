import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apis, encodeResponse, type MessageSchema } from '../src/index.js';
import { sampleMessage } from './support/sample-values.js';

// Responses are what the broker writes, so they are checked against a real client's decoders:
// kafkajs 2.2.4 parses every response version it implements from bytes encoded here. Values are
// compared as multisets of leaf values, since kafkajs names and nests fields its own way (and
// adds derived ones): every value sent must come out of kafkajs's decoder.

const require = createRequire(import.meta.url);
const kafkajsRoot = dirname(require.resolve('kafkajs/package.json'));

type Decode = (body: Buffer) => Promise<unknown>;

/** kafkajs's directory name under src/protocol/requests for each API key. */
const kafkajsNames: Record<number, string> = {
  0: 'produce', 1: 'fetch', 2: 'listOffsets', 3: 'metadata', 8: 'offsetCommit', 9: 'offsetFetch',
  10: 'findCoordinator', 11: 'joinGroup', 12: 'heartbeat', 13: 'leaveGroup', 14: 'syncGroup',
  15: 'describeGroups', 16: 'listGroups', 17: 'saslHandshake', 18: 'apiVersions', 19: 'createTopics',
  20: 'deleteTopics', 21: 'deleteRecords', 22: 'initProducerId', 24: 'addPartitionsToTxn',
  25: 'addOffsetsToTxn', 26: 'endTxn', 28: 'txnOffsetCommit', 32: 'describeConfigs', 33: 'alterConfigs',
  36: 'saslAuthenticate', 37: 'createPartitions', 42: 'deleteGroups',
};

interface Case {
  label: string;
  apiKey: number;
  version: number;
  decoderPath: string;
}

const cases: Case[] = [];
for (const [key, dir] of Object.entries(kafkajsNames)) {
  const api = apis[Number(key) as keyof typeof apis];
  for (let version = api.minVersion; version <= api.maxVersion; version++) {
    const decoderPath = join(kafkajsRoot, 'src/protocol/requests', dir, `v${version}`, 'response.js');
    if (existsSync(decoderPath)) cases.push({ label: `${api.name} v${version}`, apiKey: Number(key), version, decoderPath });
  }
}

/** Leaf values of our message, present fields only, records left out. */
function ourLeaves(schema: MessageSchema, version: number, value: Record<string, unknown>): string[] {
  const out: string[] = [];
  const inVersion = (range: string) => {
    const m = /^(\d+)(\+|-(\d+))?$/.exec(range);
    if (!m) return false;
    const min = Number(m[1]);
    const max = m[2] === '+' ? Infinity : m[3] !== undefined ? Number(m[3]) : min;
    return version >= min && version <= max;
  };
  const walk = (fields: MessageSchema['fields'], v: Record<string, unknown>) => {
    for (const f of fields) {
      if (!inVersion(f.versions) || f.type === 'records' || f.taggedVersions) continue;
      const x = v[f.name];
      if (f.fields) {
        for (const item of Array.isArray(x) ? x : [x]) walk(f.fields, item as Record<string, unknown>);
      } else {
        for (const item of Array.isArray(x) ? x : [x]) out.push(leaf(item));
      }
    }
  };
  walk(schema.fields, value);
  return out.sort();
}

/** Leaf values of what kafkajs decoded, leaving out its decoded record batches ("messages"). */
function theirLeaves(value: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (isLong(x)) out.push(x.toString());
    else if (x !== null && typeof x === 'object' && !Buffer.isBuffer(x)) {
      for (const [k, v] of Object.entries(x)) if (k !== 'messages') walk(v);
    } else out.push(leaf(x));
  };
  walk(value);
  return out.sort();
}

/** kafkajs returns some int64s as its Long objects. */
function isLong(x: unknown): x is { toString(): string } {
  return x !== null && typeof x === 'object' && 'high' in x && 'low' in x && 'unsigned' in x;
}

/** Values of `ours` that `theirs` lacks, as multisets (kafkajs adds derived fields of its own). */
function missingFrom(theirs: string[], ours: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of theirs) counts.set(v, (counts.get(v) ?? 0) + 1);
  const missing: string[] = [];
  for (const v of ours) {
    const n = counts.get(v) ?? 0;
    if (n === 0) missing.push(v);
    else counts.set(v, n - 1);
  }
  return missing;
}

function leaf(x: unknown): string {
  if (Buffer.isBuffer(x)) return `bytes:${x.toString('hex')}`;
  if (x === null || x === undefined) return 'null';
  return String(x);
}

describe('kafkajs 2.2.4 decodes the responses encoded here', () => {
  it('covers the response versions kafkajs implements', () => {
    expect(cases.length).toBeGreaterThan(80);
  });

  it.each(cases)('$label', async ({ apiKey, version, decoderPath }) => {
    const schema = apis[apiKey as keyof typeof apis].response as MessageSchema;
    const value = sampleMessage(schema, version, 'full');
    if (apiKey === 1) {
      // kafkajs parses record batches: give it an empty record set
      for (const t of value.responses as { partitions: { records: unknown }[] }[]) {
        for (const p of t.partitions) p.records = Buffer.alloc(0);
      }
    }
    const frame = Buffer.concat(encodeResponse(apiKey, version, 1, value as never));
    const mod = require(decoderPath) as { decode: Decode } | ((request: unknown) => { decode: Decode });
    // a few kafkajs responses export a factory that takes the request
    const { decode } = typeof mod === 'function' ? mod({ topics: [] }) : mod;
    const decoded = (await decode(frame.subarray(8))) as Record<string, unknown>;
    if (apiKey === 36) {
      // kafkajs hands SASL mechanisms the auth bytes with their int32 length prefix still on
      decoded.authBytes = (decoded.authBytes as Buffer).subarray(4);
    }
    expect(missingFrom(theirLeaves(decoded), ourLeaves(schema, version, value))).toEqual([]);
  });
});
