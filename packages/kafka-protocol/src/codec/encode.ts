import type { MessageSchema } from '../schema/dsl.js';
import type { MessageInput } from '../schema/infer.js';
import { ProtocolEncodeError } from '../primitives/decode-error.js';
import { Writer } from '../primitives/writer.js';
import { Kind, planFor, type FieldPlan, type StructPlan } from './plan.js';

type Struct = Readonly<Record<string, unknown>>;

/**
 * Encodes `value` as a body of `schema` at `version` onto `writer`. Fields the version lacks are
 * skipped; missing (undefined) fields are written as their defaults; tagged fields are written
 * only when they differ from their default. Record/byte fields given as a list of Buffers are
 * written back to back without being concatenated.
 */
export function encode<S extends MessageSchema>(
  schema: S,
  version: number,
  value: MessageInput<S>,
  writer: Writer,
): Writer {
  const plan = planFor(schema, version);
  try {
    encodeStruct(plan, value as Struct, writer);
  } catch (err) {
    const e = asEncodeError(err);
    e.message = `cannot encode ${schema.name} v${version}: ${e.message}`;
    throw e;
  }
  return writer;
}

function asEncodeError(err: unknown): ProtocolEncodeError {
  if (err instanceof ProtocolEncodeError) return err;
  return new ProtocolEncodeError(err instanceof Error ? err.message : String(err));
}

function encodeStruct(plan: StructPlan, value: Struct, w: Writer): void {
  if (value === null || typeof value !== 'object') {
    throw new ProtocolEncodeError(`expected an object, got ${describe(value)}`);
  }
  const body = plan.body;
  for (let i = 0; i < body.length; i++) {
    const f = body[i];
    try {
      writeField(f, value[f.name], w);
    } catch (err) {
      throw asEncodeError(err).within(f.label);
    }
  }
  if (plan.flexible) writeTaggedFields(plan, value, w);
}

function writeTaggedFields(plan: StructPlan, value: Struct, w: Writer): void {
  const tagged = plan.tagged;
  if (tagged.length === 0) {
    w.unsignedVarint(0);
    return;
  }
  const toWrite: FieldPlan[] = [];
  for (const f of tagged) {
    const v = value[f.name];
    if (v !== undefined && !isDefault(f, v)) toWrite.push(f);
  }
  w.unsignedVarint(toWrite.length);
  for (const f of toWrite) {
    const field = new Writer(64);
    try {
      writeField(f, value[f.name], field);
    } catch (err) {
      throw asEncodeError(err).within(f.label);
    }
    w.unsignedVarint(f.tag).unsignedVarint(field.length).append(field);
  }
}

function writeField(f: FieldPlan, given: unknown, w: Writer): void {
  const v = given === undefined ? (f.makeDefault ? f.makeDefault() : f.defaultValue) : given;
  if (f.kind === Kind.ARRAY) {
    writeArray(f, v, w);
  } else if (f.kind === Kind.STRUCT) {
    encodeStruct(f.struct as StructPlan, v as Struct, w);
  } else {
    writeScalar(f.kind, f.compact, f.nullable, v, w);
  }
}

function writeArray(f: FieldPlan, v: unknown, w: Writer): void {
  if (v === null) {
    if (!f.nullable) throw new ProtocolEncodeError('null is not allowed in this version');
    if (f.compact) w.compactArrayLength(null);
    else w.arrayLength(null);
    return;
  }
  if (!Array.isArray(v)) throw new ProtocolEncodeError(`expected an array, got ${describe(v)}`);
  if (f.compact) w.compactArrayLength(v.length);
  else w.arrayLength(v.length);
  if (f.elemKind === Kind.STRUCT) {
    const struct = f.struct as StructPlan;
    for (let i = 0; i < v.length; i++) encodeStruct(struct, v[i] as Struct, w);
  } else {
    for (let i = 0; i < v.length; i++) writeScalar(f.elemKind, f.compact, false, v[i], w);
  }
}

function writeScalar(kind: number, compact: boolean, nullable: boolean, v: unknown, w: Writer): void {
  if (v === null) {
    if (!nullable) throw new ProtocolEncodeError('null is not allowed in this version');
  } else if (v === undefined) {
    throw new ProtocolEncodeError('missing value');
  }
  switch (kind) {
    case Kind.INT8:
      w.int8(v as number);
      return;
    case Kind.INT16:
      w.int16(v as number);
      return;
    case Kind.UINT16:
      w.uint16(v as number);
      return;
    case Kind.INT32:
      w.int32(v as number);
      return;
    case Kind.UINT32:
      w.uint32(v as number);
      return;
    case Kind.INT64:
      w.int64(typeof v === 'bigint' ? v : BigInt(v as number));
      return;
    case Kind.FLOAT64:
      w.float64(v as number);
      return;
    case Kind.BOOL:
      w.bool(Boolean(v));
      return;
    case Kind.UUID:
      w.uuid(v as string);
      return;
    case Kind.STRING:
      if (v !== null && typeof v !== 'string') throw new ProtocolEncodeError(`expected a string, got ${describe(v)}`);
      if (compact) w.compactNullableString(v);
      else w.nullableString(v);
      return;
    default: // bytes, records
      if (v !== null && !Buffer.isBuffer(v) && !Array.isArray(v)) {
        throw new ProtocolEncodeError(`expected a Buffer or a list of Buffers, got ${describe(v)}`);
      }
      if (compact) w.compactNullableBytes(v as Buffer | Buffer[] | null);
      else w.nullableBytes(v as Buffer | Buffer[] | null);
  }
}

/** Whether a tagged field's value equals its default (then it is not sent, as in Kafka). */
function isDefault(f: FieldPlan, v: unknown): boolean {
  if (f.kind === Kind.ARRAY) return f.makeDefault ? Array.isArray(v) && v.length === 0 : v === null;
  if (f.kind === Kind.STRUCT) {
    const struct = f.struct as StructPlan;
    const s = v as Struct;
    return struct.all.every((field) => s[field.name] === undefined || isDefault(field, s[field.name]));
  }
  if (f.kind === Kind.INT64 && typeof v === 'number') return BigInt(v) === f.defaultValue;
  if ((f.kind === Kind.BYTES || f.kind === Kind.RECORDS) && v !== null && f.defaultValue !== null) {
    return Buffer.isBuffer(v) && v.length === 0;
  }
  return v === f.defaultValue;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}
