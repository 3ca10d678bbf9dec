/**
 * How compiled closures classify runtime values. The closures only answer for values whose CEL
 * type they can tell exactly as the interpreter does: JSON's (string, double, bool, null, maps as
 * plain objects, lists as arrays) and ints as bigint. For anything else (bytes, Map, timestamps,
 * class instances), and for every error, they hand the record back to the interpreter.
 */

/** Thrown inside compiled closures: "the interpreter must decide". Never escapes the fast path. */
export const DEFER: unique symbol = Symbol('defer to the interpreter');

export function defer(): never {
  throw DEFER;
}

/** The interpreter's own test for a plain map: dispatch is on the constructor, as here. */
export function isMap(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const c: unknown = v.constructor;
  return c === Object || c === undefined;
}

export function isList(v: unknown): v is readonly unknown[] {
  return typeof v === 'object' && v !== null && v.constructor === Array;
}

/** A value the closures may hand on: one whose CEL type they know. */
export function isKnownValue(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'bigint':
    case 'boolean':
      return true;
    case 'object': {
      if (v === null) return true;
      const c: unknown = v.constructor;
      return c === Object || c === undefined || c === Array;
    }
    default:
      return false;
  }
}

/**
 * The interpreter types a list or map operand of a dynamic operation by following its first
 * element (or entry) down; any value on that path it cannot type is an error there. True when that
 * path holds only known values.
 */
export function firstElementsKnown(v: unknown): boolean {
  // A list that contains itself would send the interpreter into unbounded recursion: leave it that.
  for (let depth = 0; depth < 256; depth++) {
    if (!isKnownValue(v)) return false;
    if (isList(v)) {
      if (v.length === 0 || v[0] === undefined) return true;
      v = v[0];
    } else if (isMap(v)) {
      let first: unknown;
      let found = false;
      for (const k in v) {
        first = v[k];
        found = true;
        break;
      }
      if (!found) return true;
      v = first;
    } else {
      return true;
    }
  }
  return false;
}

/** A JS value that is an int (bigint) or double (number), for the mixed numeric overloads. */
export type CelNumber = number | bigint;
