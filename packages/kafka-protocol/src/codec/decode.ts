import type { MessageSchema } from '../schema/dsl.js';
import type { MessageData } from '../schema/infer.js';
import { ProtocolDecodeError } from '../primitives/decode-error.js';
import type { Reader } from '../primitives/reader.js';
import { Kind, planFor, type FieldPlan, type StructPlan } from './plan.js';

/**
 * Decodes one message body of `schema` at `version` from `reader`, advancing it. Fields the
 * version lacks, and tagged fields not sent, hold their defaults; unknown tags are skipped.
 * Byte fields (records above all) are views into the reader's buffer.
 */
export function decode<S extends MessageSchema>(schema: S, version: number, reader: Reader): MessageData<S> {
  return decodeStruct(planFor(schema, version), reader) as MessageData<S>;
}

function decodeStruct(plan: StructPlan, r: Reader): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const all = plan.all;
  for (let i = 0; i < all.length; i++) {
    const f = all[i];
    value[f.name] = f.present && f.tag < 0 ? readField(f, r) : f.makeDefault ? f.makeDefault() : f.defaultValue;
  }
  if (plan.flexible) readTaggedFields(plan, r, value);
  return value;
}

function readTaggedFields(plan: StructPlan, r: Reader, into: Record<string, unknown>): void {
  const count = r.readUnsignedVarint();
  for (let i = 0; i < count; i++) {
    const tag = r.readUnsignedVarint();
    const size = r.readUnsignedVarint();
    const start = r.offset;
    if (size > r.remaining) throw new ProtocolDecodeError(`tagged field ${tag} of ${size} bytes is truncated`, start);
    const f = plan.byTag.get(tag);
    if (f) {
      into[f.name] = readField(f, r);
      if (r.offset !== start + size) {
        throw new ProtocolDecodeError(`tagged field ${tag} (${f.name}) is not ${size} bytes long`, start);
      }
    } else {
      r.offset = start + size;
    }
  }
}

function readField(f: FieldPlan, r: Reader): unknown {
  switch (f.kind) {
    case Kind.ARRAY:
      return readArray(f, r);
    case Kind.STRUCT:
      return decodeStruct(f.struct as StructPlan, r);
    default:
      return readScalar(f.kind, f.compact, f.nullable, r);
  }
}

function readArray(f: FieldPlan, r: Reader): unknown[] | null {
  const start = r.offset;
  const count = f.compact ? r.readCompactArrayLength(f.elemMinSize) : r.readArrayLength(f.elemMinSize);
  if (count === null) {
    if (f.nullable) return null;
    throw new ProtocolDecodeError(`null in non-nullable array ${f.name}`, start);
  }
  const items = new Array<unknown>(count);
  if (f.elemKind === Kind.STRUCT) {
    const struct = f.struct as StructPlan;
    for (let i = 0; i < count; i++) items[i] = decodeStruct(struct, r);
  } else {
    for (let i = 0; i < count; i++) items[i] = readScalar(f.elemKind, f.compact, false, r);
  }
  return items;
}

function readScalar(kind: number, compact: boolean, nullable: boolean, r: Reader): unknown {
  switch (kind) {
    case Kind.INT8:
      return r.readInt8();
    case Kind.INT16:
      return r.readInt16();
    case Kind.UINT16:
      return r.readUint16();
    case Kind.INT32:
      return r.readInt32();
    case Kind.UINT32:
      return r.readUint32();
    case Kind.INT64:
      return r.readInt64();
    case Kind.FLOAT64:
      return r.readFloat64();
    case Kind.BOOL:
      return r.readBool();
    case Kind.UUID:
      return r.readUuid();
    case Kind.STRING:
      if (compact) return nullable ? r.readCompactNullableString() : r.readCompactString();
      return nullable ? r.readNullableString() : r.readString();
    default: // bytes, records
      if (compact) return nullable ? r.readCompactNullableBytes() : r.readCompactBytes();
      return nullable ? r.readNullableBytes() : r.readBytes();
  }
}
