import type { CheckedType } from './ast.js';
import { Unsupported } from './unsupported.js';
import { defer, isKnownValue, isList, isMap } from './values.js';

/**
 * Field selection, indexing and `has()`, as the library's fieldAccess and TypeDeclaration.field:
 * a missing key or index is an error (deferred, so the interpreter words it), and a value read out
 * of a map or list must be of the type the operand promises.
 */

/** `m.name` or `m["name"]` on a dyn operand. */
export function selectDyn(obj: unknown, name: string): unknown {
  if (isMap(obj) && Object.hasOwn(obj, name)) {
    const v = obj[name];
    if (v !== undefined && isKnownValue(v)) return v;
  }
  return defer();
}

/** `x[i]` on a dyn operand: maps by string key, lists by int (or integral double) index. */
export function indexDyn(obj: unknown, index: unknown): unknown {
  if (typeof index === 'string') return selectDyn(obj, index);
  if (isList(obj)) return elementAt(obj, index, isKnownValue);
  return defer();
}

function elementAt(list: readonly unknown[], index: unknown, matches: (v: unknown) => boolean): unknown {
  let i: number;
  if (typeof index === 'bigint') i = Number(index);
  else if (typeof index === 'number') i = index;
  else return defer();
  const v = list[i];
  return v !== undefined && matches(v) ? v : defer();
}

type Matcher = (v: unknown) => boolean;

/**
 * A check that a value read out of a typed map or list has the element type, no looser than the
 * library's (it may be stricter: a mismatch only defers).
 */
export function matcherFor(type: CheckedType): Matcher {
  switch (type.kind) {
    case 'dyn':
    case 'param':
      return isKnownValue;
    case 'list':
      return isList;
    case 'map':
      return isMap;
  }
  switch (type.name) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'int':
      return (v) => typeof v === 'bigint';
    case 'double':
      return (v) => typeof v === 'number';
    case 'bool':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
  }
  throw new Unsupported(`values of type ${type.name}`);
}

/** Access on an operand the checker typed as a map or a list (headers, literals). */
export function staticAccess(type: CheckedType): (obj: unknown, key: unknown) => unknown {
  const element = type.valueType;
  if (!element) throw new Unsupported(`access on ${type.name}`);
  const matches = matcherFor(element);
  if (type.kind === 'map') {
    return (obj, key) => {
      if (typeof key === 'string' && isMap(obj) && Object.hasOwn(obj, key)) {
        const v = obj[key];
        if (v !== undefined && matches(v)) return v;
      }
      return defer();
    };
  }
  if (type.kind === 'list') return (obj, key) => (isList(obj) ? elementAt(obj, key, matches) : defer());
  throw new Unsupported(`access on ${type.name}`);
}

/**
 * `has(a.b.c)`: false when the last field is absent (or its holder cannot have fields: a scalar,
 * null, a list), an error when one before it is missing.
 */
export function hasPath(root: unknown, path: readonly string[]): boolean {
  let obj = root;
  const last = path.length - 1;
  for (let i = 0; i <= last; i++) {
    let next: unknown;
    if (isMap(obj)) {
      next = Object.hasOwn(obj, path[i]!) ? obj[path[i]!] : undefined;
      if (next !== undefined && !isKnownValue(next)) return defer();
    } else if (!isKnownValue(obj)) {
      return defer();
    }
    if (next === undefined) return i === last ? false : defer();
    obj = next;
  }
  return true;
}
