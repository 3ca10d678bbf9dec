import type { RecordFrame } from '../cel-record.js';
import { hasPath, indexDyn, selectDyn, staticAccess } from './access.js';
import { asNode, nodeList, operands, typeOf, type CheckedNode } from './ast.js';
import { method0, size, stringMethod1 } from './functions.js';
import { arithmetic, contains, equals, negate, not, relate, type Arithmetic, type Relation } from './operators.js';
import { Unsupported } from './unsupported.js';
import { defer } from './values.js';

/** A compiled (sub)expression: its value for the record in the frame, or a thrown DEFER. */
export type Closure = (frame: RecordFrame) => unknown;

/**
 * Builds a tree of closures from a checked syntax tree. Every closure either returns exactly what
 * the interpreter would, or throws (DEFER or anything else), and then the interpreter decides.
 * That makes `&&`/`||` simple: a failing side is absorbed only when the other side decides.
 */
export function compileNode(node: CheckedNode): Closure {
  if (node.meta.alternate !== undefined) throw new Unsupported(rewritten(node));
  switch (node.op) {
    case 'value':
      return literal(node.args);
    case 'id':
      return variable(node.args);
    case '.':
      return select(node);
    case '[]':
      return index(node);
    case '!_': {
      const operand = compileNode(asNode(node.args));
      return (f) => not(operand(f));
    }
    case '-_': {
      const operand = compileNode(asNode(node.args));
      return (f) => negate(operand(f));
    }
    case '&&':
      return logical(node, false);
    case '||':
      return logical(node, true);
    case '?:':
      return ternary(node);
    case '==':
    case '!=':
      return equality(node);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return relation(node, node.op);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmeticNode(node, node.op);
    case 'in': {
      const [needle, container] = operands(node).map(compileNode) as [Closure, Closure];
      return (f) => contains(container(f), needle(f));
    }
    case 'list':
      return listLiteral(node);
    case 'map':
      return mapLiteral(node);
    case 'call':
      return call(node);
    case 'rcall':
      return methodCall(node);
    default:
      throw new Unsupported(`the ${node.op} operator`);
  }
}

/** The library evaluates some nodes as a rewrite: comprehension macros, type constants. */
function rewritten(node: CheckedNode): string {
  const args = node.args;
  if (node.op === 'id') return `the constant ${String(args)}`;
  if ((node.op === 'call' || node.op === 'rcall') && Array.isArray(args)) return `the macro ${String(args[0])}()`;
  return `a rewritten ${node.op} node`;
}

function literal(value: unknown): Closure {
  switch (typeof value) {
    case 'bigint':
    case 'number':
    case 'string':
    case 'boolean':
      return () => value;
    case 'object':
      if (value === null) return () => null;
  }
  throw new Unsupported('bytes and uint literals');
}

function variable(name: unknown): Closure {
  switch (name) {
    case 'value':
      return (f) => f.value;
    case 'key':
      return (f) => f.key;
    case 'headers':
      return (f) => f.headers;
    case 'topic':
      return (f) => f.topic;
    case 'partition':
      return (f) => f.partition;
    case 'offset':
      return (f) => f.offset;
    case 'timestamp':
      return (f) => f.timestamp;
  }
  throw new Unsupported(`the identifier ${String(name)}`);
}

/** `x.name`: a dyn operand dispatches on its runtime value, a typed one (headers) on its type. */
function select(node: CheckedNode): Closure {
  const args = node.args;
  if (!Array.isArray(args) || typeof args[1] !== 'string') throw new Unsupported('an unrecognised field selection');
  const operand = asNode(args[0]);
  const name: string = args[1];
  const type = typeOf(operand);
  if (type.name === 'dyn') {
    // The common shape `value.field` reads the frame directly: one closure call less per record.
    if (operand.op === 'id' && operand.args === 'value') return (f) => selectDyn(f.value, name);
    const read = compileNode(operand);
    return (f) => selectDyn(read(f), name);
  }
  const access = staticAccess(type);
  const read = compileNode(operand);
  return (f) => access(read(f), name);
}

function index(node: CheckedNode): Closure {
  const [operand, key] = operands(node);
  const type = typeOf(operand);
  const read = compileNode(operand);
  const readKey = compileNode(key);
  if (type.name === 'dyn') return (f) => indexDyn(read(f), readKey(f));
  const access = staticAccess(type);
  return (f) => access(read(f), readKey(f));
}

/**
 * CEL's commutative `&&`/`||` as the library runs them: the left side's error is absorbed when the
 * right side decides; otherwise any non-bool or error is the interpreter's to report.
 */
function logical(node: CheckedNode, decisive: boolean): Closure {
  const [left, right] = operands(node).map(compileNode) as [Closure, Closure];
  const indecisive = !decisive;
  return (f) => {
    let l: unknown;
    try {
      l = left(f);
    } catch {
      l = undefined;
    }
    if (l === decisive) return decisive;
    const r = right(f);
    if (r === decisive) return decisive;
    if (r === indecisive && l === indecisive) return indecisive;
    return defer();
  };
}

function ternary(node: CheckedNode): Closure {
  const args = nodeList(node.args);
  if (args.length !== 3) throw new Unsupported('an unrecognised conditional');
  const [condition, then, otherwise] = args.map(compileNode) as [Closure, Closure, Closure];
  return (f) => {
    const c = condition(f);
    if (c === true) return then(f);
    if (c === false) return otherwise(f);
    return defer();
  };
}

function equality(node: CheckedNode): Closure {
  const [leftNode, rightNode] = operands(node);
  // Only when neither side is dyn does the checker bind the overload statically (int == double).
  const staticNumbers = !typeOf(leftNode).hasDynType && !typeOf(rightNode).hasDynType;
  const left = compileNode(leftNode);
  const right = compileNode(rightNode);
  if (node.op === '==') return (f) => equals(left(f), right(f), staticNumbers);
  return (f) => !equals(left(f), right(f), staticNumbers);
}

function relation(node: CheckedNode, op: Relation): Closure {
  const [leftNode, rightNode] = operands(node);
  const constant = numericLiteral(rightNode);
  const field = valueField(leftNode);
  if (constant !== undefined && field !== undefined) return valueFieldAgainst(op, field, constant);
  const left = compileNode(leftNode);
  if (constant !== undefined) return numberAgainst(op, left, constant);
  const right = compileNode(rightNode);
  return (f) => relate(op, left(f), right(f));
}

function numericLiteral(node: CheckedNode): number | bigint | undefined {
  if (node.op === 'value' && (typeof node.args === 'number' || typeof node.args === 'bigint')) return node.args;
  // `-20.0` parses as a negation of 20.0.
  if (node.op === '-_' && node.meta.alternate === undefined) {
    const inner = numericLiteral(asNode(node.args));
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

/** `expr < 40.0` and the like, the shape of most filters: one closure, no generic dispatch. */
function numberAgainst(op: Relation, left: Closure, c: number | bigint): Closure {
  const other = (v: unknown) => relate(op, v, c);
  switch (op) {
    case '>':
      return (f) => {
        const v = left(f);
        return typeof v === 'number' ? v > c : other(v);
      };
    case '>=':
      return (f) => {
        const v = left(f);
        return typeof v === 'number' ? v >= c : other(v);
      };
    case '<':
      return (f) => {
        const v = left(f);
        return typeof v === 'number' ? v < c : other(v);
      };
    case '<=':
      return (f) => {
        const v = left(f);
        return typeof v === 'number' ? v <= c : other(v);
      };
  }
}

/** The field name of `value.name` (value being dyn), else undefined. */
function valueField(node: CheckedNode): string | undefined {
  if (node.op !== '.' || node.meta.alternate !== undefined || !Array.isArray(node.args)) return undefined;
  const [operand, name] = node.args as unknown[];
  if (typeof name !== 'string' || typeof operand !== 'object' || operand === null) return undefined;
  const { op, args } = operand as { op?: unknown; args?: unknown };
  return op === 'id' && args === 'value' && typeOf(asNode(operand)).name === 'dyn' ? name : undefined;
}

/** A number field of a JSON object straight out of the frame: an own property holding a number. */
function numberField(f: RecordFrame, name: string): number | undefined {
  const o = f.value;
  if (typeof o !== 'object' || o === null || o.constructor !== Object || !Object.hasOwn(o, name)) return undefined;
  const v = (o as Record<string, unknown>)[name];
  return typeof v === 'number' ? v : undefined;
}

/**
 * `value.temperature > 40.0`, the shape of most filters, in one closure. Anything but a number
 * field of a plain object takes the general route (selectDyn, relate), which defers what it must.
 */
function valueFieldAgainst(op: Relation, name: string, c: number | bigint): Closure {
  const general = (f: RecordFrame) => relate(op, selectDyn(f.value, name), c);
  switch (op) {
    case '>':
      return (f) => {
        const v = numberField(f, name);
        return v !== undefined ? v > c : general(f);
      };
    case '>=':
      return (f) => {
        const v = numberField(f, name);
        return v !== undefined ? v >= c : general(f);
      };
    case '<':
      return (f) => {
        const v = numberField(f, name);
        return v !== undefined ? v < c : general(f);
      };
    case '<=':
      return (f) => {
        const v = numberField(f, name);
        return v !== undefined ? v <= c : general(f);
      };
  }
}

function arithmeticNode(node: CheckedNode, op: Arithmetic): Closure {
  const [left, right] = operands(node).map(compileNode) as [Closure, Closure];
  return (f) => arithmetic(op, left(f), right(f));
}

function listLiteral(node: CheckedNode): Closure {
  const nodes = nodeList(node.args);
  if (nodes.length > 0 && nodes.every(isScalarLiteral)) {
    // `x in ["a", "b"]`: built once. Nothing mutates an operand, and evaluate() copies results.
    const constant = Object.freeze(nodes.map((n) => n.args));
    return () => constant;
  }
  const elements = nodes.map(compileNode);
  const n = elements.length;
  return (f) => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = elements[i]!(f);
    return out;
  };
}

function isScalarLiteral(node: CheckedNode): boolean {
  const v = node.args;
  const t = typeof v;
  return node.op === 'value' && node.meta.alternate === undefined && (v === null || t === 'string' || t === 'number' || t === 'bigint' || t === 'boolean');
}

// The library drops these keys from map literals rather than let them reach an object's prototype.
const DROPPED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function mapLiteral(node: CheckedNode): Closure {
  if (!Array.isArray(node.args)) throw new Unsupported('an unrecognised map literal');
  const pairs = node.args.map((entry: unknown) => {
    if (!Array.isArray(entry) || entry.length !== 2) throw new Unsupported('an unrecognised map entry');
    return [asNode(entry[0]), asNode(entry[1])] as const;
  });
  const entries = pairs.map(([k, v]) => [compileNode(k), compileNode(v)] as const);
  const names = pairs.map(([k]) => (k.op === 'value' && typeof k.args === 'string' ? k.args : undefined));
  if (names.every((name) => name !== undefined)) return constantKeyMap(names as string[], entries.map(([, v]) => v));
  return (f) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < entries.length; i++) {
      const [readKey, readValue] = entries[i]!;
      const key = readKey(f);
      const value = readValue(f);
      let name: string;
      if (typeof key === 'string') name = key;
      else if (typeof key === 'bigint' || typeof key === 'number' || typeof key === 'boolean' || key === null) name = String(key);
      else return defer();
      if (!DROPPED_KEYS.has(name)) out[name] = value;
    }
    return out;
  };
}

/**
 * A map literal with string-constant keys, the usual `{"station": value.station, ...}`: each
 * record's object is a copy of one template with the keys in literal order, then filled in.
 */
function constantKeyMap(names: readonly string[], values: readonly Closure[]): Closure {
  const template: Record<string, unknown> = {};
  const kept: number[] = [];
  names.forEach((name, i) => {
    if (DROPPED_KEYS.has(name)) return;
    template[name] = null;
    kept.push(i);
  });
  const n = values.length;
  return (f) => {
    const computed = new Array<unknown>(n);
    for (let i = 0; i < n; i++) computed[i] = values[i]!(f);
    const out = { ...template };
    for (let j = 0; j < kept.length; j++) {
      const i = kept[j]!;
      out[names[i]!] = computed[i];
    }
    return out;
  };
}

function call(node: CheckedNode): Closure {
  const args = node.args;
  if (!Array.isArray(args) || typeof args[0] !== 'string') throw new Unsupported('an unrecognised call');
  const name: string = args[0];
  const macro = node.meta.macro;
  if (macro !== undefined) {
    if (name === 'has') return has(macro.macroHasProps);
    throw new Unsupported(`the macro ${name}()`);
  }
  const params = nodeList(args[1]);
  if (params.length === 1 && name === 'size') {
    const operand = compileNode(params[0]!);
    return (f) => size(operand(f));
  }
  if (params.length === 1 && name === 'dyn') return compileNode(params[0]!);
  throw new Unsupported(`the function ${name}() with ${params.length} argument(s)`);
}

/** `has(a.b.c)`: the library keeps the selections outermost first, ending with the variable. */
function has(props: readonly unknown[] | undefined): Closure {
  if (!Array.isArray(props) || props.length < 2) throw new Unsupported('an unrecognised has()');
  const nodes = props.map(asNode);
  const root = compileNode(nodes[nodes.length - 1]!);
  const path = nodes
    .slice(0, -1)
    .reverse()
    .map((n) => {
      const args = n.args;
      if (n.op !== '.' || !Array.isArray(args) || typeof args[1] !== 'string') throw new Unsupported('an unrecognised has()');
      return args[1];
    });
  return (f) => hasPath(root(f), path);
}

function methodCall(node: CheckedNode): Closure {
  const args = node.args;
  if (!Array.isArray(args) || typeof args[0] !== 'string') throw new Unsupported('an unrecognised method call');
  if (node.meta.macro !== undefined) throw new Unsupported(`the macro ${args[0]}()`);
  const receiver = compileNode(asNode(args[1]));
  const params = nodeList(args[2]);
  if (params.length === 0) {
    const fn = method0(args[0]);
    return (f) => fn(receiver(f));
  }
  if (params.length === 1) {
    const fn = stringMethod1(args[0]);
    const arg = compileNode(params[0]!);
    return (f) => fn(receiver(f), arg(f));
  }
  throw new Unsupported(`the method ${args[0]}() with ${params.length} arguments`);
}
