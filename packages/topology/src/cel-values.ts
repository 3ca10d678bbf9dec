import { Optional } from '@marcbachmann/cel-js';

/**
 * What an expression can hand back to a pipeline: plain JSON, plus bytes (CEL `bytes`, and record
 * keys/values read with the `bytes` format) which serialisers write as raw bytes or base64.
 */
export type ExpressionValue =
  | null
  | boolean
  | number
  | string
  | Uint8Array
  | ExpressionValue[]
  | { [key: string]: ExpressionValue };

/** A value an expression produced that no record can carry (NaN, Infinity, an invalid date). */
export class UnrepresentableValueError extends Error {
  override readonly name = 'UnrepresentableValueError';
}

/**
 * CEL values back to plain data: ints (bigint) become numbers when they fit a JS number exactly and
 * decimal strings otherwise (never silently rounded), maps become objects, timestamps ISO strings,
 * durations their CEL text ("1.5s"), optionals their value or null.
 */
export function toExpressionValue(value: unknown): ExpressionValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new UnrepresentableValueError(
          `expression produced ${value}, which a record cannot hold (check for division by zero)`,
        );
      }
      return value;
    case 'bigint':
      return fromBigInt(value);
    case 'undefined':
      return null;
    case 'object':
      return value === null ? null : fromObject(value);
    default:
      throw new UnrepresentableValueError(`expression produced a ${typeof value}, which a record cannot hold`);
  }
}

function fromBigInt(value: bigint): number | string {
  const asNumber = Number(value);
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}

function fromObject(value: object): ExpressionValue {
  if (Array.isArray(value)) return value.map(toExpressionValue);
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    // The common case (JSON objects, map literals) first, without building entry pairs.
    const out: { [key: string]: ExpressionValue } = {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      setKey(out, k, toExpressionValue((value as Record<string, unknown>)[k]));
    }
    return out;
  }
  if (value instanceof Uint8Array) return value;
  if (value instanceof Map) {
    const out: { [key: string]: ExpressionValue } = {};
    for (const [k, v] of value) setKey(out, String(k), toExpressionValue(v));
    return out;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      throw new UnrepresentableValueError('expression produced an invalid timestamp');
    }
    return value.toISOString();
  }
  if (value instanceof Optional) return value.hasValue() ? toExpressionValue(value.value()) : null;
  // Library value classes: unsigned ints unwrap to bigint; durations and types print as CEL text.
  const primitive: unknown = value.valueOf();
  if (typeof primitive === 'bigint') return fromBigInt(primitive);
  return String(value);
}

// A JSON key "__proto__" must stay data, never become the object's prototype.
function setKey(target: { [key: string]: ExpressionValue }, key: string, value: ExpressionValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** A short name for the kind of a value, for messages ("returned string, expected bool"). */
export function describeValueType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Date) return 'timestamp';
  if (value instanceof Map) return 'map';
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? 'map' : String(value.constructor?.name ?? 'value');
}
