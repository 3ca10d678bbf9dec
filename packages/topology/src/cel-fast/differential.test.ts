import { describe, expect, it } from 'vitest';
import { compileExpression, DEFERRED, expressionInternals } from '../cel-compiled.js';
import type { ExpressionKind, RecordContext } from '../cel.js';
import { EXTREME_WEATHER_EXPRESSION } from '../examples/weather.js';

/**
 * The closures against the interpreter, expression by record: whenever the closures answer, the
 * interpreter must give the same CEL value (ints stay bigint, doubles number); whenever the
 * interpreter fails, the closures must have deferred. And evaluate() must agree with the
 * interpreter alone, error messages included.
 */

type Entry = readonly [source: string, kind?: ExpressionKind, note?: 'defers' | 'fails'];

// 'defers': the closures leave some records the interpreter evaluates to it (aggregate equality,
// list concatenation, aggregates as map keys); 'fails': no record evaluates. Every other expression
// must be answered by the closures for every generated record the interpreter evaluates.
const CORPUS: readonly Entry[] = [
  [EXTREME_WEATHER_EXPRESSION],
  // literals and variables
  ['1', 'value'], ['1.5', 'value'], ['"s"', 'value'], ['true'], ['null', 'value'], ['-1', 'value'], ['-1.5', 'value'], ['-(-2)', 'value'],
  ['value', 'value'], ['key', 'value'], ['headers', 'value'], ['topic', 'value'], ['partition', 'value'], ['offset', 'value'], ['timestamp', 'value'],
  // selection and index
  ['value.temperature', 'value'], ['value.nested.a', 'value'], ['value.nested.a.b', 'value'], ['value.items[0].n', 'value'],
  ['value.tags[0]', 'value'], ['value.tags[1]', 'value'], ['value.tags[-1]', 'value', 'fails'], ['value.tags[1.0]', 'value'], ['value.tags[value.count]', 'value'],
  ['value["station"]', 'value'], ['value[value.station]', 'value'], ['value["__proto__"]', 'value'], ['value["constructor"]', 'value', 'fails'], ['value["toString"]', 'value'],
  ['value[1]', 'value'], ['key.id', 'value'], ['headers.trace', 'value'], ['headers["trace"]', 'value'], ['[1, 2, 3][value.count]', 'value'],
  ['{"a": value.count}.a', 'value'], ['{"a": 1}["b"]', 'value', 'fails'], ['{"a": 1, "b": "x"}[value.station]', 'value'], ['[1.5, "x"][1]', 'value'],
  // has()
  ['has(value.temperature)'], ['has(value.nested.a)'], ['has(value.nested.a.b)'], ['has(headers.trace)'], ['has(key.id)'], ['has(value.tags.x)'],
  // unary
  ['!value.flag'], ['-value.temperature', 'value'], ['-value.count', 'value'], ['!(value.temperature > 3.0)'], ['-offset', 'value'],
  // comparisons
  ['value.temperature > 40'], ['value.temperature > 40.0'], ['value.temperature <= -20'], ['-25.5 < value.temperature'], ['value.temperature >= value.windSpeed'],
  ['value.station < "m"'], ['value.flag < true'], ['value.flag >= value.flag2'], ['value.count == 3'], ['value.count == 3.0'], ['value.count != 3'],
  ['value.station == "station-1"'], ['value.z == null'], ['value.nested == null'], ['value.nested != null'], ['value.tags == ["a"]', 'bool', 'defers'],
  ['1 == 1.0'], ['9007199254740993 == 9007199254740992.0'], ['value.big == 9007199254740993'], ['offset == 5'], ['offset > 2.5'], ['partition == value.count'],
  ['timestamp > 1700000000000'], ['key == "station-1"'], ['key == null'], ['value.flag == true'], ['value == null'], ['value.station != null'],
  ['value.count == value.temperature', 'bool', 'defers'], ['value.station == value.count', 'bool', 'defers'], ['value.nested == value.tags', 'bool', 'defers'],
  // arithmetic
  ['value.temperature * 1.8 + 32', 'value'], ['value.count + 1', 'value'], ['value.count - 1.5', 'value'], ['value.count * 2', 'value'],
  ['value.count / 2', 'value'], ['value.count % 2 == 0'], ['offset + 1', 'value'], ['offset * 2 - partition', 'value'], ['offset / 0', 'value', 'fails'],
  ['offset % 0', 'value', 'fails'], ['offset / 2', 'value'], ['offset % 3', 'value'], ['9223372036854775807 + offset', 'value'], ['-9223372036854775807 - offset - 10', 'value', 'fails'],
  ['offset * 4611686018427387904', 'value'], ['value.station + "-x"', 'value'], ['value.station + value.name', 'value'], ['value.temperature / 0.0', 'value'],
  ['value.temperature % 7', 'value'], ['7 % value.temperature', 'value'], ['value.tags + ["x"]', 'value', 'defers'], ['value.flag + 1', 'value'],
  // logical operators: an error on one side is absorbed when the other decides
  ['value.temperature > 40.0 || value.missing > 1.0'], ['value.missing > 1.0 || value.temperature > 40.0'], ['value.missing > 1.0 && false'],
  ['false && value.missing'], ['value.flag && value.temperature > 0.0'], ['value.station || true'], ['value.flag || value.flag2'],
  ['!value.flag && value.count > 1'], ['value.missing || value.flag'], ['value.flag && value.missing'], ['(value.count > 1 || value.z) && value.flag2'],
  // conditional
  ['value.flag ? value.temperature : value.count', 'value'], ['value.temperature > 20.0 ? "hot" : "cold"', 'value'], ['value.station ? 1 : 2', 'value'],
  ['value.flag ? value.missing : 0', 'value'],
  // in
  ['value.station in ["station-1", "station-2"]'], ['value.count in [1, 2, 3]'], ['value.count in [1.0, 2.5]'], ['"a" in value.tags'],
  ['value.z in [null]'], ['null in value.tags'], ['"a" in value.nested'], ['value.station in value.nested'], ['"trace" in headers'],
  ['value.count in value'], ['1 in value.tags'], ['value.tags in [["a"]]', 'bool', 'defers'], ['key in ["station-1"]'], ['"toString" in value'],
  ['"__proto__" in value'],
  // size
  ['size(value.station)', 'value'], ['size(value.tags)', 'value'], ['size(value.nested)', 'value'], ['value.station.size()', 'value'],
  ['value.tags.size()', 'value'], ['size(headers)', 'value'], ['size(key)', 'value'], ['size(value.count)', 'value'], ['size(value) > 2'],
  // string functions
  ['value.station.contains("1")'], ['value.station.startsWith("station")'], ['value.station.endsWith("7")'], ['key.startsWith("station")'],
  ['headers.trace.endsWith("x")'], ['value.station.lowerAscii()', 'value'], ['value.name.upperAscii()', 'value'], ['value.name.trim()', 'value'],
  ['value.count.contains("1")'], ['value.station.contains(value.name)'], ['topic.startsWith("ra")'], ['dyn(value.count) == 3'],
  // literals built per record
  ['{"station": value.station, "t": value.temperature * 1.8 + 32}', 'value'], ['[value.temperature, value.windSpeed]', 'list'],
  ['{"a": 1, "b": [1, 2.5, "x"], "c": {"d": null}}', 'value'], ['{1: "one", true: "t", null: 0, 2.5: "x"}', 'value'],
  ['{"__proto__": 1, "constructor": 2, "k": value.count}', 'value'], ['[]', 'list'], ['{}', 'value'], ['{value.station: 1}', 'value', 'defers'],
  ['[value.tags, value.nested]', 'list'], ['value.tags', 'list'],
  // outside the subset: the interpreter runs them whole
  ['value.tags.exists(t, t == "a")'], ['int(value.count) == 3'], ['string(value.count)', 'value'], ['b"x"', 'value'], ['1u', 'value'],
  ['type(value) == map'], ['value.tags.map(t, t + "x")', 'value'], ['value.station.matches("^s")'], ['value.tags.all(t, size(t) > 0)'],
];

/** A small seeded generator, so a failure names a record that can be rebuilt. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS: readonly unknown[] = [
  0, 1, 2, 3, -1, 1.5, -25.5, 41, 45.5, 90.5, 2 ** 53, 1e308, '', 'a', 'x', 'station-1', 'station-17', ' Padded ', 'Ünï 😀', 'lone \ud800',
  true, false, null,
];

function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const any = (depth: number): unknown => {
    const roll = next();
    if (depth <= 0 || roll < 0.6) return pick(SCALARS);
    if (roll < 0.8) return Array.from({ length: Math.floor(next() * 3) }, () => any(depth - 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 3) }, () => [pick(['a', 'b', 'n', 'x']), any(depth - 1)]));
  };
  // Mostly the type a field usually has, sometimes anything, sometimes absent.
  const field = (out: Record<string, unknown>, name: string, usual: () => unknown) => {
    const roll = next();
    if (roll < 0.15) return;
    out[name] = roll < 0.3 ? any(2) : usual();
  };
  const value = (): unknown => {
    if (next() < 0.05) return any(2);
    const v: Record<string, unknown> = {};
    field(v, 'temperature', () => pick([41, 45.5, -25.5, 10, 39.9, 40, 0]));
    field(v, 'windSpeed', () => pick([5, 90, 95.5, 12]));
    field(v, 'station', () => pick(['station-1', 'station-2', 'station-17', 'a']));
    field(v, 'count', () => pick([0, 1, 2, 3, 3.5, -1, 1e21]));
    field(v, 'big', () => pick([2 ** 53, 9007199254740993, 1]));
    field(v, 'flag', () => next() < 0.5);
    field(v, 'flag2', () => next() < 0.5);
    field(v, 'name', () => pick(['1', ' Padded ', 'Ünï 😀', '']));
    field(v, 'tags', () => Array.from({ length: Math.floor(next() * 3) }, () => pick(['a', 'b', 1, null])));
    field(v, 'nested', () => ({ a: pick([{ b: 1 }, null, 1, 'x', { c: 2 }]), station: 1 }));
    field(v, 'items', () => [{ n: pick([1, 'x', null]) }]);
    field(v, 'z', () => null);
    return JSON.parse(JSON.stringify(v)); // as a source decodes it
  };
  return (): RecordContext => ({
    key: pick(['station-1', 'station-2x', null, undefined, { id: 'x' }, 5, 'station-7']),
    value: value(),
    headers: pick([undefined, {}, { trace: 'x' }, { trace: new Uint8Array([120]) }, { trace: 'ax', other: null }]),
    topic: 'raw',
    partition: pick([0, 2]),
    offset: pick([5, '41', 7n, 1.5, 0]),
    timestamp: pick([1700000000000, '1700000000001']),
  });
}

const base: RecordContext = { key: 'station-1', value: null, headers: {}, topic: 'raw', partition: 0, offset: 5, timestamp: 1 };
const json = (text: string): RecordContext => ({ ...base, value: JSON.parse(text) });

/** Hand-made records for the corners: JSON that names prototype keys, -0, and values no JSON holds. */
const SPECIAL: readonly RecordContext[] = [
  json('{"__proto__": {"a": 1}, "toString": "t", "station": "station-1"}'),
  json('{"constructor": 5, "temperature": 41}'),
  json('{"station": "temperature", "temperature": 3, "count": 1, "tags": ["x", "y"]}'),
  json('{"temperature": -0, "count": -0, "tags": [-0, 0]}'),
  json('{"tags": [], "nested": {}, "station": "", "name": ""}'),
  json('[1, 2]'),
  json('"just a string"'),
  { ...base, value: { temperature: 41n, count: 3n, tags: [1n, 'a'] } },
  { ...base, value: { nested: new Map([['a', 1]]), tags: new Set(['a']), when: new Date(0) } },
  { ...base, value: new Uint8Array([1, 2]) },
  { ...base, value: Object.assign(Object.create(null) as object, { station: 'station-1', count: 3 }) },
  { ...base, value: Object.create({ temperature: 50, count: 3, station: 'station-1' }) as object },
  { ...base, headers: { constructor: 'x', trace: 'y' } },
  { ...base, offset: 'not a number' },
  { ...base, topic: undefined as unknown as string },
  { ...base, value: { temperature: 50 }, timestamp: Number.NaN },
];

const RECORDS: readonly RecordContext[] = [...SPECIAL, ...Array.from({ length: 300 }, generator(20240611))];

type Outcome = { ok: true; value: unknown } | { ok: false; message: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

const internals = expressionInternals();
const show = (r: RecordContext) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

describe('closures agree with the interpreter', () => {
  it.each(CORPUS.map((e) => [e[0], e[1] ?? 'bool', e[2]] as const))('%s', (source, kind, note) => {
    const compiled = compileExpression(source, kind);
    if (!compiled.ok) throw new Error(`${source}: ${compiled.error.message}`);
    const expression = compiled.expression;
    const disagreements: string[] = [];
    let answered = 0;
    for (const record of RECORDS) {
      const fast = internals.runFast(expression, record);
      const slow = outcome(() => internals.interpretRaw(expression, record));
      if (fast !== DEFERRED) {
        answered++;
        if (!slow.ok) disagreements.push(`closures gave ${String(fast)}, interpreter failed (${slow.message}) on ${show(record)}`);
        else if (!sameCelValue(fast, slow.value)) disagreements.push(`closures gave ${String(fast)}, interpreter ${String(slow.value)} on ${show(record)}`);
      } else if (slow.ok && note !== 'defers' && internals.fastPath(expression) && !SPECIAL.includes(record)) {
        disagreements.push(`closures deferred a record the interpreter evaluates on ${show(record)}`);
      }
      const viaEvaluate = outcome(() => expression.evaluate(record));
      const viaInterpreter = outcome(() => internals.interpret(expression, record));
      if (!sameOutcome(viaEvaluate, viaInterpreter)) {
        disagreements.push(`evaluate() ${JSON.stringify(viaEvaluate)} but interpreter ${JSON.stringify(viaInterpreter)} on ${show(record)}`);
      }
    }
    expect(disagreements).toEqual([]);
    if (internals.fastPath(expression) && note === undefined) expect(answered).toBeGreaterThan(0);
  });
});

/** Deep equality that tells int (bigint) from double (number) and -0 from 0. */
function sameCelValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k, i) => k === kb[i] && sameCelValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.ok !== b.ok) return false;
  if (!a.ok || !b.ok) return !a.ok && !b.ok && a.message === b.message;
  return sameCelValue(a.value, b.value) || (Number.isNaN(a.value) && Number.isNaN(b.value));
}
