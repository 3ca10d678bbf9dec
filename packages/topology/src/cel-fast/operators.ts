import { defer, firstElementsKnown, isList, isMap } from './values.js';

/**
 * CEL's operators on the values the closures know, answering exactly as the library's overloads
 * (node_modules/@marcbachmann/cel-js/lib/overloads.js) plus the mixed int/double ones cel.ts
 * registers. Where the library would raise an error (no such overload, overflow, division by
 * zero) these defer, so the interpreter raises it with its message and position.
 */

const MAX_INT = 9223372036854775807n;
const MIN_INT = -9223372036854775808n;

function checkedInt(v: bigint): bigint {
  return v <= MAX_INT && v >= MIN_INT ? v : defer();
}

/**
 * `==`. With static int and double operands the registered `int == double` overload converts the
 * int to a double; when either side is dyn the library's `dyn<int> == double` compares exactly.
 * Values of different kinds are unequal under dyn (the library's fallback), a map or list is never
 * equal to a scalar, and comparing two aggregates is left to the interpreter.
 */
export function equals(a: unknown, b: unknown, staticNumbers: boolean): boolean {
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'object' || tb === 'object') {
    const aggregateA = ta === 'object' && a !== null;
    const aggregateB = tb === 'object' && b !== null;
    if (aggregateA && aggregateB) return defer();
    if (aggregateA) return firstElementsKnown(a) ? false : defer();
    if (aggregateB) return firstElementsKnown(b) ? false : defer();
    return a === b; // null against null or a scalar
  }
  if (ta === tb) return a === b;
  if (ta === 'bigint' && tb === 'number') return staticNumbers ? Number(a) === b : looseEquals(a as bigint, b as number);
  if (ta === 'number' && tb === 'bigint') return staticNumbers ? a === Number(b) : looseEquals(b as bigint, a as number);
  if (ta === 'bigint' || ta === 'number' || ta === 'string' || ta === 'boolean') {
    return tb === 'bigint' || tb === 'number' || tb === 'string' || tb === 'boolean' ? false : defer();
  }
  return defer();
}

/** An int and a double compared mathematically (JS `==` between bigint and number does just that). */
function looseEquals(a: bigint, b: number): boolean {
  // eslint-disable-next-line eqeqeq
  return (a as unknown) == b;
}

export type Relation = '<' | '<=' | '>' | '>=';

/** `<` `<=` `>` `>=`: both numbers (int and double mix exactly), both strings, or both bools. */
export function comparable(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'number' || ta === 'bigint') return tb === 'number' || tb === 'bigint';
  return (ta === 'string' || ta === 'boolean') && ta === tb;
}

export function relate(op: Relation, a: unknown, b: unknown): boolean {
  if (!comparable(a, b)) return defer();
  // Both operands are of one ordered kind now; JS orders bigint against number exactly.
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

export type Arithmetic = '+' | '-' | '*' | '/' | '%';

/** Arithmetic on int×int (checked), double×double, the mixed pairs (in double) and string `+`. */
export function arithmetic(op: Arithmetic, a: unknown, b: unknown): unknown {
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'number') {
    if (tb === 'number') return doubleOp(op, a as number, b as number);
    if (tb === 'bigint') return doubleOp(op, a as number, Number(b));
    return defer();
  }
  if (ta === 'bigint') {
    if (tb === 'bigint') return intOp(op, a as bigint, b as bigint);
    if (tb === 'number') return doubleOp(op, Number(a), b as number);
    return defer();
  }
  if (op === '+' && ta === 'string' && tb === 'string') return (a as string) + (b as string);
  return defer();
}

function doubleOp(op: Arithmetic, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
  }
}

function intOp(op: Arithmetic, a: bigint, b: bigint): bigint {
  switch (op) {
    case '+':
      return checkedInt(a + b);
    case '-':
      return checkedInt(a - b);
    case '*':
      return checkedInt(a * b);
    case '/':
      // As the library: zero divisors fail, the quotient is not range-checked.
      return b === 0n ? defer() : a / b;
    case '%':
      return b === 0n ? defer() : a % b;
  }
}

export function not(v: unknown): boolean {
  return typeof v === 'boolean' ? !v : defer();
}

/** Unary minus, unchecked on ints as in the library. */
export function negate(v: unknown): number | bigint {
  if (typeof v === 'number') return -v;
  if (typeof v === 'bigint') return -v;
  return defer();
}

/**
 * `in`: membership in a list (CEL equality: int and double meet exactly, an aggregate equals no
 * scalar) or a key in a map (an own property that is set, the key converted as JS does).
 */
export function contains(container: unknown, needle: unknown): boolean {
  // The library types both operands before it dispatches; values it cannot type are its errors.
  if (!firstElementsKnown(needle)) return defer();
  if (isList(container)) {
    if (!firstElementsKnown(container)) return defer();
    return listIncludes(container, needle);
  }
  if (isMap(container)) {
    if (!firstElementsKnown(container)) return defer();
    const key = needle as PropertyKey;
    return Object.hasOwn(container, key) ? container[key as string] !== undefined : false;
  }
  return defer();
}

function listIncludes(list: readonly unknown[], needle: unknown): boolean {
  switch (typeof needle) {
    case 'string':
    case 'boolean':
      return list.includes(needle);
    case 'number':
    case 'bigint':
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (v === needle || ((typeof v === 'number' || typeof v === 'bigint') && v == needle)) return true;
      }
      return false;
    default: {
      // null meets only null, an aggregate no scalar; two aggregates compare deeply (the interpreter's).
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (v === needle) return true;
        if (typeof v === 'object' && v !== null) {
          if (needle !== null || !(isList(v) || isMap(v))) return defer();
        }
      }
      return false;
    }
  }
}
