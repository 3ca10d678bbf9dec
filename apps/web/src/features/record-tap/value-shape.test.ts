import { describe, expect, it } from 'vitest';
import type { TapRecord } from './tap-record.js';
import { inferShape } from './value-shape.js';

let n = 0;
const json = (value: unknown): TapRecord => ({ uid: String(++n), key: { format: 'null', value: null }, value: { format: 'json', value }, headers: {} });

describe('inferShape', () => {
  it('lists each field with the types seen and how often it was present', () => {
    const shape = inferShape([
      json({ station: 'oslo', temperature: 12.5, extreme: false }),
      json({ station: 'dubai', temperature: '47', gust: null }),
      json({ station: 'lima', temperature: 20 }),
    ]);
    expect(shape).toEqual([
      { path: 'value', types: ['object'], seen: 3 },
      { path: 'station', types: ['string'], seen: 3 },
      { path: 'temperature', types: ['number', 'string'], seen: 3 },
      { path: 'extreme', types: ['boolean'], seen: 1 },
      { path: 'gust', types: ['null'], seen: 1 },
    ]);
  });

  it('follows nested objects and arrays', () => {
    const shape = inferShape([json({ where: { city: 'Oslo' }, tags: ['a', 1] }), json({ where: { city: 'Lima' }, tags: [] })]);
    expect(shape).toContainEqual({ path: 'where.city', types: ['string'], seen: 2 });
    expect(shape).toContainEqual({ path: 'tags', types: ['array'], seen: 2 });
    expect(shape).toContainEqual({ path: 'tags[]', types: ['number', 'string'], seen: 1 });
  });

  it('counts values that are not JSON as strings and top-level scalars as the value', () => {
    const text: TapRecord = { uid: 'x', key: { format: 'null', value: null }, value: { format: 'string', value: 'not json' }, headers: {} };
    expect(inferShape([text, json(42)])).toEqual([{ path: 'value', types: ['number', 'string'], seen: 2 }]);
  });

  it('is empty without records', () => {
    expect(inferShape([])).toEqual([]);
  });
});
