import { describe, expect, it } from 'vitest';
import { compileExpression, DEFERRED, expressionInternals } from '../cel-compiled.js';
import type { ExpressionKind, RecordContext } from '../cel.js';
import { EXTREME_WEATHER_EXPRESSION } from '../examples/weather.js';

const internals = expressionInternals();

function compiled(source: string, kind: ExpressionKind = 'bool') {
  const result = compileExpression(source, kind);
  if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
  return result.expression;
}

function reason(source: string): string | undefined {
  return internals.fallbackReason(compiled(source, 'value'));
}

const record = (value: unknown, extra: Partial<RecordContext> = {}): RecordContext => ({
  key: 'station-1',
  value,
  headers: { trace: 'x' },
  topic: 'raw',
  partition: 1,
  offset: 41,
  timestamp: 1700000000000,
  ...extra,
});

describe('which expressions the closures run', () => {
  it.each([
    EXTREME_WEATHER_EXPRESSION,
    'value.station.startsWith("station-1") && size(value.station) > 9',
    '"trace" in headers && headers["trace"] == "x" || key.endsWith("7")',
    'value.temperature * 1.8 + 32 > 100.0 ? value.humidity > 50 : value.windSpeed % 2 == 0',
    '{"station": value.station, "f": value.temperature * 1.8 + 32, "tags": [1, "a", null]}',
    'has(value.nested.a) && !value.flag && -value.count < 3',
    'value.tags[0] in ["a", "b"] && value.count in {"1": true}',
    'offset % 2 == 0 && partition < 3 && timestamp > 0 && topic == "raw"',
    'dyn(value.name).lowerAscii().trim() == value.name.upperAscii()',
  ])('compiles %s', (source) => {
    expect(reason(source)).toBeUndefined();
  });

  it.each([
    ['value.tags.exists(t, t == "a")', 'the macro exists()'],
    ['value.tags.map(t, t + "x")', 'the macro map()'],
    ['int(value.count) == 3', 'the function int()'],
    ['string(value.count)', 'the function string()'],
    ['value.when < timestamp("2024-01-01T00:00:00Z")', 'the function timestamp()'],
    ['b"bytes" == value.raw', 'bytes and uint literals'],
    ['value.count == 1u', 'bytes and uint literals'],
    ['type(value) == map', 'the function type()'],
    ['value.station.matches("^s")', 'the method matches()'],
    ['value.station.indexOf("s") > 0', 'the method indexOf()'],
    ['cel.bind(x, value.count, x + 1)', 'the macro bind()'],
    ['value == null ? int : string', 'the constant int'],
  ])('leaves %s to the interpreter (%s)', (source, why) => {
    expect(reason(source)).toContain(why);
  });

  it('keeps compileExpression/evaluate as the one door, whichever path runs', () => {
    const fast = compiled(EXTREME_WEATHER_EXPRESSION);
    const slow = compiled('value.tags.exists(t, t == "hot") || value.temperature > 40.0');
    expect(internals.fastPath(fast)).toBeDefined();
    expect(internals.fastPath(slow)).toBeUndefined();
    expect(fast.evaluate(record({ temperature: 41.5, windSpeed: 3 }))).toBe(true);
    expect(slow.evaluate(record({ temperature: 41.5, tags: [] }))).toBe(true);
  });
});

describe('results', () => {
  it('are fresh for every record, even where the closures build a literal once', () => {
    const list = compiled('[1, "a", null]', 'list');
    const map = compiled('{"tags": ["a", "b"], "n": value.n}', 'value');
    const first = list.evaluate(record(null)) as unknown[];
    first.push('changed');
    expect(list.evaluate(record(null))).toEqual([1, 'a', null]);
    const out = map.evaluate(record({ n: 1 })) as { tags: string[] };
    out.tags.push('c');
    expect(map.evaluate(record({ n: 2 }))).toEqual({ tags: ['a', 'b'], n: 2 });
  });
});

describe('when the closures defer to the interpreter', () => {
  const hot = compiled('value.temperature > 40.0');

  it('answers plain JSON records themselves', () => {
    expect(internals.runFast(hot, record({ temperature: 41 }))).toBe(true);
    expect(internals.runFast(hot, record({ temperature: 39 }))).toBe(false);
  });

  it('defers errors, so the message and position come from the interpreter', () => {
    expect(internals.runFast(hot, record({ windSpeed: 3 }))).toBe(DEFERRED);
    expect(() => hot.evaluate(record({ windSpeed: 3 }))).toThrow('no such key: temperature at 1:7');
    expect(internals.runFast(hot, record({ temperature: 'warm' }))).toBe(DEFERRED);
    expect(() => hot.evaluate(record({ temperature: 'warm' }))).toThrow(/no such overload/);
  });

  it('defers values that are not JSON: Maps, class instances, bytes', () => {
    expect(internals.runFast(hot, record(new Map([['temperature', 41]])))).toBe(DEFERRED);
    expect(internals.runFast(hot, record({ temperature: new Date(0) }))).toBe(DEFERRED);
    expect(internals.runFast(compiled('value == null'), record(new Uint8Array([1])))).toBe(DEFERRED);
  });

  it('defers records whose fields do not convert, as the interpreter would fail them', () => {
    const odd = compiled('offset > 3');
    expect(internals.runFast(odd, record(null, { offset: 'forty' }))).toBe(DEFERRED);
    expect(() => odd.evaluate(record(null, { offset: 'forty' }))).toThrow(/forty/);
  });

  it('absorbs a failing side of || and && only when the other side decides', () => {
    const either = compiled('value.missing > 1.0 || value.temperature > 40.0');
    expect(internals.runFast(either, record({ temperature: 41 }))).toBe(true);
    expect(internals.runFast(either, record({ temperature: 39 }))).toBe(DEFERRED);
    expect(() => either.evaluate(record({ temperature: 39 }))).toThrow('no such key: missing at 1:7');
    const both = compiled('value.missing > 1.0 && value.temperature > 40.0');
    expect(internals.runFast(both, record({ temperature: 39 }))).toBe(false);
  });
});
