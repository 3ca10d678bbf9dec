import { describe, expect, it } from 'vitest';
import { compileExpression, evaluate, ExpressionError } from './cel-compiled.js';
import { EXPRESSION_LIMITS, type ExpressionKind, type RecordContext } from './cel.js';

function record(value: unknown, extra: Partial<RecordContext> = {}): RecordContext {
  return { key: 'station-1', value, headers: {}, topic: 'raw', partition: 2, offset: '41', timestamp: 1700000000000, ...extra };
}

function compiled<K extends ExpressionKind>(source: string, kind: K) {
  const result = compileExpression(source, kind);
  if (!result.ok) throw new Error(`expected ${source} to compile: ${result.error.message}`);
  return result.expression;
}

function problem(source: string, kind: ExpressionKind = 'bool') {
  const result = compileExpression(source, kind);
  if (result.ok) throw new Error(`expected ${source} not to compile`);
  return result.error;
}

describe('numeric comparison over JSON numbers', () => {
  const hot = compiled('value.temperature > 40', 'bool');
  it.each([
    [41, true],
    [41.5, true],
    [40, false],
    [39, false],
    [-25.5, false],
  ])('temperature %s > 40 is %s', (temperature, expected) => {
    expect(evaluate(hot, record({ temperature }))).toBe(expected);
  });

  it('compares against double literals too', () => {
    const hotter = compiled('value.temperature > 40.0', 'bool');
    expect(evaluate(hotter, record({ temperature: 41 }))).toBe(true);
    expect(evaluate(hotter, record({ temperature: 39.9 }))).toBe(false);
  });

  it('treats JSON integers and int literals as equal', () => {
    expect(evaluate(compiled('value.count == 3', 'bool'), record({ count: 3 }))).toBe(true);
    expect(evaluate(compiled('1 == 1.0', 'bool'), record(null))).toBe(true);
    expect(evaluate(compiled('1.0 == 1', 'bool'), record(null))).toBe(true);
    expect(evaluate(compiled('value.count != 3', 'bool'), record({ count: 3 }))).toBe(false);
    expect(evaluate(compiled('value.count != 3', 'bool'), record({ count: 3.5 }))).toBe(true);
  });

  it('does arithmetic that mixes JSON numbers with int literals', () => {
    expect(evaluate(compiled('value.count + 1', 'value'), record({ count: 2 }))).toBe(3);
    expect(evaluate(compiled('value.count % 2 == 0', 'bool'), record({ count: 4 }))).toBe(true);
    expect(evaluate(compiled('value.count % 2 == 0', 'bool'), record({ count: 5 }))).toBe(false);
  });
});

describe('map expressions', () => {
  it('builds maps with mixed value types', () => {
    const toF = compiled('{"station": value.station, "t": value.temperature * 1.8 + 32}', 'value');
    expect(evaluate(toF, record({ station: 'oslo', temperature: 10 }))).toEqual({ station: 'oslo', t: 50 });
    expect(evaluate(toF, record({ station: 'oslo', temperature: 12.5 }))).toEqual({ station: 'oslo', t: 54.5 });
  });

  it('converts CEL values back to plain JSON', () => {
    const out = evaluate(
      compiled('{"n": 1, "big": 9007199254740993, "list": [1, "a", true, null], "nested": {"k": 2.5}, "when": timestamp(0), "d": duration("1.5s"), "u": 7u}', 'value'),
      record(null),
    );
    expect(out).toEqual({
      n: 1,
      big: '9007199254740993',
      list: [1, 'a', true, null],
      nested: { k: 2.5 },
      when: '1970-01-01T00:00:00.000Z',
      d: '1.5s',
      u: 7,
    });
  });

  it('keeps bytes as bytes', () => {
    expect(evaluate(compiled('b"hi"', 'value'), record(null))).toEqual(new Uint8Array([104, 105]));
  });

  it('passes the value through unchanged', () => {
    const value = { a: [1, { b: 'c' }], d: null };
    expect(evaluate(compiled('value', 'value'), record(value))).toEqual(value);
  });

  it('keeps a "__proto__" key as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const out = evaluate(compiled('value', 'value'), record(value)) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('rejects results that no record can hold', () => {
    expect(() => evaluate(compiled('value.n / 0', 'value'), record({ n: 1 }))).toThrow(/Infinity.*division by zero/);
  });
});

describe('record variables', () => {
  it('exposes key, headers, topic, partition, offset and timestamp', () => {
    const r = record({}, { headers: { source: 'sensor', raw: new TextEncoder().encode('bytes') } });
    expect(evaluate(compiled('key == "station-1" && topic == "raw"', 'bool'), r)).toBe(true);
    expect(evaluate(compiled('partition == 2 && offset == 41 && timestamp > 1600000000000', 'bool'), r)).toBe(true);
    expect(evaluate(compiled('headers["source"] == "sensor" && headers.raw == "bytes"', 'bool'), r)).toBe(true);
    expect(evaluate(compiled('"missing" in headers', 'bool'), r)).toBe(false);
  });

  it('selects a new key', () => {
    expect(evaluate(compiled('value.station', 'value'), record({ station: 'bergen' }))).toBe('bergen');
  });

  it('reads bytes values', () => {
    expect(evaluate(compiled('size(value)', 'value'), record(new Uint8Array([1, 2, 3])))).toBe(3);
  });
});

describe('result kinds', () => {
  it('turns a non-bool filter result into an ExpressionError', () => {
    const expression = compiled('value.flag', 'bool');
    expect(evaluate(expression, record({ flag: true }))).toBe(true);
    expect(() => evaluate(expression, record({ flag: 'yes' }))).toThrow(new ExpressionError('expression must return bool, but returned string'));
  });

  it('returns flatMap lists element by element', () => {
    const expression = compiled('value.readings.map(r, {"t": r})', 'list');
    expect(evaluate(expression, record({ readings: [1, 2.5] }))).toEqual([{ t: 1 }, { t: 2.5 }]);
    expect(() => evaluate(compiled('value.readings', 'list'), record({ readings: 5 }))).toThrow(/must return a list, but returned double/);
  });

  it('refuses at compile time an expression whose static type cannot fit', () => {
    expect(problem('1 + 2', 'bool').message).toBe('expression must return bool, but it returns int');
    expect(problem('"a"', 'list').message).toBe('expression must return a list, but it returns string');
  });
});

describe('evaluation errors', () => {
  it('positions a missing field', () => {
    try {
      evaluate(compiled('value.temperature > 40', 'bool'), record({ temp: 1 }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).message).toBe('no such key: temperature at 1:7');
      expect((error as ExpressionError).position).toMatchObject({ line: 1, column: 7 });
    }
  });

  it('fails on a null value rather than crashing', () => {
    expect(() => evaluate(compiled('value.temperature > 40', 'bool'), record(null))).toThrow(ExpressionError);
  });
});

describe('compile errors', () => {
  it('positions syntax errors by line and column', () => {
    const error = problem('value.temperature >\n  && 3');
    expect(error.message).toBe("syntax error at 2:3: unexpected '&&'");
    expect(error.position).toEqual({ line: 2, column: 3, offset: 22, length: 2 });
  });

  it('says when the expression ends too early', () => {
    const error = problem('value.temperature > ');
    expect(error.message).toBe('syntax error at 1:21: the expression ends too early');
  });

  it('reports an unterminated string', () => {
    expect(problem('value.station == "osl').message).toBe('syntax error at 1:18: unterminated string');
  });

  it('suggests value.<name> for an undeclared reference', () => {
    const error = problem('value.humidity > 3 && temp > 4');
    expect(error.message).toBe("undeclared reference to 'temp' at 1:23 (did you mean value.temp?)");
    expect(error.position).toMatchObject({ line: 1, column: 23, length: 4 });
  });

  it('suggests a declared variable for a typo', () => {
    expect(problem('vaule.temperature > 4').message).toBe("undeclared reference to 'vaule' at 1:1 (did you mean value?)");
  });

  it('reports type errors with a position', () => {
    expect(problem('topic + 1 == "x"').message).toBe('type error at 1:1: no such overload: string + int');
  });

  it('refuses empty and oversized expressions', () => {
    expect(problem('  ').message).toMatch(/^expression is empty/);
    expect(problem('1 == 1 && '.repeat(500) + 'true').message).toMatch(/characters long; the limit is 4000/);
  });

  it('enforces nesting and size limits', () => {
    const deep = '('.repeat(EXPRESSION_LIMITS.maxDepth + 1) + '1' + ')'.repeat(EXPRESSION_LIMITS.maxDepth + 1);
    expect(problem(deep, 'value').message).toMatch(/^the expression nests too deeply \(limit 40\): simplify it \(at 1:\d+\)$/);
    const wide = Array.from({ length: 600 }, (_, i) => `${i}`).join(' + ');
    expect(problem(wide, 'value').message).toMatch(/^the expression is too large \(limit 1000\)/);
  });
});
