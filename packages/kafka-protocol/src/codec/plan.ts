import type { FieldSchema, MessageSchema } from '../schema/dsl.js';
import { inRange, parseVersions } from '../schema/versions.js';
import { ZERO_UUID } from '../primitives/uuid.js';
import { UnsupportedApiError } from './unsupported-api-error.js';

// A schema is compiled once per version into flat field lists, so encoding and decoding are plain
// loops over arrays with a switch on `kind` — no version checks, parsing or closures per call.

export const Kind = {
  INT8: 0,
  INT16: 1,
  UINT16: 2,
  INT32: 3,
  UINT32: 4,
  INT64: 5,
  FLOAT64: 6,
  BOOL: 7,
  STRING: 8,
  BYTES: 9,
  RECORDS: 10,
  UUID: 11,
  STRUCT: 12,
  ARRAY: 13,
} as const;

const SCALARS: Record<string, number> = {
  int8: Kind.INT8,
  int16: Kind.INT16,
  uint16: Kind.UINT16,
  int32: Kind.INT32,
  uint32: Kind.UINT32,
  int64: Kind.INT64,
  float64: Kind.FLOAT64,
  bool: Kind.BOOL,
  string: Kind.STRING,
  bytes: Kind.BYTES,
  records: Kind.RECORDS,
  uuid: Kind.UUID,
};

export interface FieldPlan {
  readonly name: string;
  /** Label for error paths: `topics[]` for arrays. */
  readonly label: string;
  readonly kind: number;
  /** Element kind of an array (Kind.STRUCT for arrays of structs). */
  readonly elemKind: number;
  readonly struct: StructPlan | null;
  /** Exists in this version. */
  readonly present: boolean;
  readonly nullable: boolean;
  /** Compact (flexible) encodings in this version. */
  readonly compact: boolean;
  /** Tag number when this version sends the field as a tagged field, else -1. */
  readonly tag: number;
  /** Default for scalars; for arrays and structs see makeDefault. */
  readonly defaultValue: unknown;
  /** Builds a fresh default for arrays and structs (decoded values are mutable). */
  readonly makeDefault: (() => unknown) | null;
  /** Fewest bytes this field takes on the wire. */
  readonly minSize: number;
  /** Fewest bytes one element of this array takes; bounds lying element counts. */
  readonly elemMinSize: number;
}

export interface StructPlan {
  /** Every declared field, in declaration order (absent ones decode to their default). */
  readonly all: readonly FieldPlan[];
  /** Fields in the fixed part of the encoding, in order. */
  readonly body: readonly FieldPlan[];
  /** Tagged fields of this version, by ascending tag. */
  readonly tagged: readonly FieldPlan[];
  readonly byTag: ReadonlyMap<number, FieldPlan>;
  readonly flexible: boolean;
  readonly minSize: number;
}

const EMPTY_BYTES = Buffer.alloc(0);
const cache = new WeakMap<MessageSchema, Map<number, StructPlan>>();

/** The compiled plan of `schema` at `version`, built on first use and cached. */
export function planFor(schema: MessageSchema, version: number): StructPlan {
  let byVersion = cache.get(schema);
  if (!byVersion) {
    byVersion = new Map();
    cache.set(schema, byVersion);
  }
  let plan = byVersion.get(version);
  if (!plan) {
    if (!Number.isInteger(version) || !inRange(parseVersions(schema.validVersions), version)) {
      throw new UnsupportedApiError(
        schema.apiKey,
        version,
        `${schema.name} is declared for versions ${schema.validVersions}`,
      );
    }
    const flexible = inRange(parseVersions(schema.flexibleVersions), version);
    plan = compileStruct(schema.fields, version, flexible, schema.name);
    byVersion.set(version, plan);
  }
  return plan;
}

function compileStruct(
  fields: readonly FieldSchema[],
  version: number,
  flexible: boolean,
  where: string,
): StructPlan {
  const all = fields.map((f) => compileField(f, version, flexible, `${where}.${f.name}`));
  const body = all.filter((f) => f.present && f.tag < 0);
  const tagged = all.filter((f) => f.present && f.tag >= 0).sort((a, b) => a.tag - b.tag);
  const byTag = new Map(tagged.map((f) => [f.tag, f] as const));
  if (byTag.size !== tagged.length) throw new Error(`${where}: duplicate tag in version ${version}`);
  let minSize = flexible ? 1 : 0;
  for (const f of body) minSize += f.minSize;
  return { all, body, tagged, byTag, flexible, minSize };
}

function compileField(f: FieldSchema, version: number, flexible: boolean, where: string): FieldPlan {
  const present = inRange(parseVersions(f.versions), version);
  const nullable = f.nullableVersions !== undefined && inRange(parseVersions(f.nullableVersions), version);
  const compact = flexible && f.flexibleVersions !== 'none';
  let tag = -1;
  if (f.taggedVersions !== undefined && inRange(parseVersions(f.taggedVersions), version)) {
    if (!flexible) throw new Error(`${where}: tagged in version ${version}, which is not flexible`);
    if (f.tag === undefined) throw new Error(`${where}: taggedVersions without a tag`);
    tag = f.tag;
  }

  const isArray = f.type.startsWith('[]');
  let kind: number;
  let elemKind = -1;
  let struct: StructPlan | null = null;
  if (f.fields) {
    struct = compileStruct(f.fields, version, flexible, where);
    if (isArray) {
      kind = Kind.ARRAY;
      elemKind = Kind.STRUCT;
    } else {
      if (f.nullableVersions !== undefined) throw new Error(`${where}: nullable structs are not supported`);
      kind = Kind.STRUCT;
    }
  } else if (isArray) {
    kind = Kind.ARRAY;
    elemKind = scalarKind(f.type.slice(2), where);
  } else {
    kind = scalarKind(f.type, where);
  }
  if (kind === Kind.ARRAY && (elemKind === Kind.RECORDS || elemKind === Kind.BYTES)) {
    elemKind = Kind.BYTES; // arrays of bytes hold plain byte fields
  }

  let defaultValue: unknown = null;
  let makeDefault: (() => unknown) | null = null;
  if (kind === Kind.ARRAY) {
    if (f.default === null) defaultValue = null;
    else makeDefault = () => [];
  } else if (kind === Kind.STRUCT) {
    const s = struct as StructPlan;
    makeDefault = () => defaultStruct(s);
  } else {
    defaultValue = scalarDefault(kind, f, where);
  }

  const elemMinSize = kind !== Kind.ARRAY
    ? 0
    : elemKind === Kind.STRUCT
      ? (struct as StructPlan).minSize
      : scalarMinSize(elemKind, compact);
  const minSize = kind === Kind.ARRAY
    ? (compact ? 1 : 4)
    : kind === Kind.STRUCT
      ? (struct as StructPlan).minSize
      : scalarMinSize(kind, compact);

  return {
    name: f.name,
    label: kind === Kind.ARRAY ? `${f.name}[]` : f.name,
    kind,
    elemKind,
    struct,
    present,
    nullable,
    compact,
    tag,
    defaultValue,
    makeDefault,
    minSize,
    elemMinSize,
  };
}

function scalarKind(type: string, where: string): number {
  const kind = SCALARS[type];
  if (kind === undefined) throw new Error(`${where}: unknown type "${type}" (structs need "fields")`);
  return kind;
}

function scalarMinSize(kind: number, compact: boolean): number {
  switch (kind) {
    case Kind.INT8:
    case Kind.BOOL:
      return 1;
    case Kind.INT16:
    case Kind.UINT16:
      return 2;
    case Kind.INT32:
    case Kind.UINT32:
      return 4;
    case Kind.INT64:
    case Kind.FLOAT64:
      return 8;
    case Kind.UUID:
      return 16;
    case Kind.STRING:
      return compact ? 1 : 2;
    default: // bytes, records
      return compact ? 1 : 4;
  }
}

function scalarDefault(kind: number, f: FieldSchema, where: string): unknown {
  const given = f.default;
  switch (kind) {
    case Kind.INT64:
      if (given === undefined) return 0n;
      if (typeof given === 'bigint') return given;
      if (typeof given === 'number') return BigInt(given);
      break;
    case Kind.BOOL:
      if (given === undefined) return false;
      if (typeof given === 'boolean') return given;
      break;
    case Kind.STRING:
      if (given === undefined) return f.nullableVersions !== undefined ? null : '';
      if (typeof given === 'string' || given === null) return given;
      break;
    case Kind.UUID:
      if (given === undefined) return ZERO_UUID;
      if (typeof given === 'string') return given;
      break;
    case Kind.BYTES:
      if (given === undefined) return f.nullableVersions !== undefined ? null : EMPTY_BYTES;
      if (given === null) return null;
      break;
    case Kind.RECORDS:
      if (given === undefined || given === null) return null;
      break;
    default: // numbers
      if (given === undefined) return 0;
      if (typeof given === 'number') return given;
  }
  throw new Error(`${where}: default ${String(given)} does not fit its type`);
}

/** A struct holding every field's default. */
export function defaultStruct(plan: StructPlan): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const f of plan.all) value[f.name] = f.makeDefault ? f.makeDefault() : f.defaultValue;
  return value;
}
