import { Unsupported } from './unsupported.js';
import { defer, firstElementsKnown, isList, isMap } from './values.js';

/**
 * The library functions the closures run themselves, with the library's results (see its
 * lib/functions.js): anything called on other types defers.
 */

/** `size(x)` and `x.size()`: code points of a string, elements of a list, entries of a map. */
export function size(v: unknown): bigint {
  if (typeof v === 'string') return BigInt(codePoints(v));
  if (isList(v)) return firstElementsKnown(v) ? BigInt(v.length) : defer();
  if (isMap(v)) return firstElementsKnown(v) ? BigInt(Object.keys(v).length) : defer();
  return defer();
}

/** What iterating the string yields: surrogate pairs count once, lone surrogates once each. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

type StringMethod = (receiver: string, arg: string) => unknown;

const STRING_METHODS_1: Readonly<Record<string, StringMethod>> = {
  contains: (s, x) => s.includes(x),
  startsWith: (s, x) => s.startsWith(x),
  endsWith: (s, x) => s.endsWith(x),
};

type StringMethod0 = (receiver: string) => unknown;

const STRING_METHODS_0: Readonly<Record<string, StringMethod0>> = {
  lowerAscii: (s) => s.toLowerCase(),
  upperAscii: (s) => s.toUpperCase(),
  trim: (s) => s.trim(),
};

/** A method of one string argument on a string receiver. */
export function stringMethod1(name: string): (receiver: unknown, arg: unknown) => unknown {
  const fn = Object.hasOwn(STRING_METHODS_1, name) ? STRING_METHODS_1[name] : undefined;
  if (!fn) throw new Unsupported(`the method ${name}() with one argument`);
  return (receiver, arg) => (typeof receiver === 'string' && typeof arg === 'string' ? fn(receiver, arg) : defer());
}

/** A method without arguments: size() on any sized value, the string case methods on strings. */
export function method0(name: string): (receiver: unknown) => unknown {
  if (name === 'size') return size;
  const fn = Object.hasOwn(STRING_METHODS_0, name) ? STRING_METHODS_0[name] : undefined;
  if (!fn) throw new Unsupported(`the method ${name}()`);
  return (receiver) => (typeof receiver === 'string' ? fn(receiver) : defer());
}
