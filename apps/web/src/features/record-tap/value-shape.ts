import type { TapRecord } from './tap-record.js';

/** The JSON types a field was seen with. */
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface FieldShape {
  /** `value` for the whole value, else a path such as `temperature`, `address.city`, `tags[]`. */
  path: string;
  types: JsonType[];
  /** In how many of the records the field was present. */
  seen: number;
}

const MAX_DEPTH = 4;
const MAX_FIELDS = 200;

export function jsonTypeOf(v: unknown): JsonType {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return t;
  return 'object';
}

/**
 * The inferred shape of record values: every field path with the types seen there and how often.
 * Values that are not JSON count as one `string` value. Depth and field count are capped so one
 * odd record cannot blow the panel up.
 */
export function inferShape(records: readonly TapRecord[]): FieldShape[] {
  const fields = new Map<string, { types: Set<JsonType>; seen: number }>();
  const note = (path: string, type: JsonType, seenOnce: Set<string>) => {
    let field = fields.get(path);
    if (!field) {
      if (fields.size >= MAX_FIELDS) return;
      field = { types: new Set(), seen: 0 };
      fields.set(path, field);
    }
    field.types.add(type);
    if (!seenOnce.has(path)) {
      seenOnce.add(path);
      field.seen++;
    }
  };
  const walk = (v: unknown, path: string, depth: number, seenOnce: Set<string>) => {
    const type = jsonTypeOf(v);
    note(path, type, seenOnce);
    if (depth >= MAX_DEPTH) return;
    if (type === 'object') {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, path === 'value' ? k : `${path}.${k}`, depth + 1, seenOnce);
    } else if (type === 'array') {
      for (const item of v as unknown[]) walk(item, `${path === 'value' ? '' : path}[]`, depth + 1, seenOnce);
    }
  };
  for (const record of records) {
    const value = record.value.format === 'json' ? record.value.value : record.value.format === 'null' ? null : String(record.value.value);
    walk(value, 'value', 0, new Set());
  }
  return [...fields].map(([path, f]) => ({ path, types: [...f.types].sort(), seen: f.seen }));
}
