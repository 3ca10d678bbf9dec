import type { FieldSchema, MessageSchema } from '../../src/index.js';
import { inRange, parseVersions } from '../../src/index.js';

// Builds message values straight from the declarations (independently of the codec's compiled
// plans): `full` sets every field present in the version to a non-default value and fills arrays;
// `empty` uses nulls, empty arrays and zero values. Fields absent in the version hold the value
// decode() must produce for them: their default.

export type SampleMode = 'full' | 'empty';

const has = (range: string | undefined, version: number) => range !== undefined && inRange(parseVersions(range), version);

export function sampleMessage(schema: MessageSchema, version: number, mode: SampleMode): Record<string, unknown> {
  const counter = { n: 1 };
  return sampleStruct(schema.fields, version, mode, counter);
}

function sampleStruct(fields: readonly FieldSchema[], version: number, mode: SampleMode, counter: { n: number }) {
  const value: Record<string, unknown> = {};
  for (const f of fields) {
    value[f.name] = has(f.versions, version) ? sampleField(f, version, mode, counter) : defaultOf(f, version);
  }
  return value;
}

function sampleField(f: FieldSchema, version: number, mode: SampleMode, counter: { n: number }): unknown {
  const tagged = has(f.taggedVersions, version);
  if (mode === 'empty') {
    if (tagged) return defaultOf(f, version);
    if (has(f.nullableVersions, version)) return null;
    if (f.type.startsWith('[]')) return [];
    if (f.fields) return sampleStruct(f.fields, version, mode, counter);
    return zeroOf(f.type);
  }
  if (f.type.startsWith('[]')) {
    const elem = f.type.slice(2);
    return [0, 1].map(() => (f.fields ? sampleStruct(f.fields, version, mode, counter) : scalar(elem, counter)));
  }
  if (f.fields) return sampleStruct(f.fields, version, mode, counter);
  return scalar(f.type, counter);
}

function scalar(type: string, counter: { n: number }): unknown {
  const n = counter.n++;
  switch (type) {
    case 'int8':
      return (n % 100) + 1;
    case 'int16':
      return 1000 + n;
    case 'uint16':
      return 60000 + n;
    case 'int32':
      return 100000 * n + 7;
    case 'uint32':
      return 4000000000 + n;
    case 'int64':
      return 2n ** 60n + BigInt(n); // beyond Number's safe range on purpose
    case 'float64':
      return n + 0.25;
    case 'bool':
      return true;
    case 'string':
      return `s${n}-über`;
    case 'uuid':
      return Buffer.alloc(16, n).toString('base64url');
    case 'bytes':
      return Buffer.alloc((n % 5) + 1, n);
    case 'records':
      return Buffer.alloc(300 + n, n); // above the writer's zero-copy threshold
    default:
      throw new Error(`no sample for type ${type}`);
  }
}

function zeroOf(type: string): unknown {
  switch (type) {
    case 'int64':
      return 0n;
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'uuid':
      return 'AAAAAAAAAAAAAAAAAAAAAA';
    case 'bytes':
    case 'records':
      return Buffer.alloc(0);
    default:
      return 0;
  }
}

/** What decode() yields for a field the version lacks (or a tagged field not sent). */
export function defaultOf(f: FieldSchema, version: number): unknown {
  if (f.type.startsWith('[]')) return f.default === null ? null : [];
  if (f.fields) return structDefaults(f.fields, version);
  if (f.default !== undefined) return f.type === 'int64' && typeof f.default === 'number' ? BigInt(f.default) : f.default;
  if (f.type === 'records') return null;
  if ((f.type === 'string' || f.type === 'bytes') && f.nullableVersions !== undefined) return null;
  return zeroOf(f.type);
}

function structDefaults(fields: readonly FieldSchema[], version: number): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const f of fields) value[f.name] = defaultOf(f, version);
  return value;
}
