import { describe, expect, it } from 'vitest';
import { bytesSerde, jsonSerde, serdeFor, stringSerde } from './formats.js';
import { SerdeError } from './serde.js';

describe('json format', () => {
  it('round-trips structures, numbers and null', () => {
    const value = { station: 'a', temperature: 41.5, tags: ['x'], nested: { ok: true } };
    expect(jsonSerde.deserialize(jsonSerde.serialize(value))).toEqual(value);
    expect(jsonSerde.deserialize(Buffer.from('41'))).toBe(41);
    expect(jsonSerde.serialize(null)).toBeNull();
    expect(jsonSerde.deserialize(null)).toBeNull();
  });

  it('reports bad JSON with a preview of the text', () => {
    expect(() => jsonSerde.deserialize(Buffer.from('{"station": '))).toThrow(SerdeError);
    expect(() => jsonSerde.deserialize(Buffer.from('not json'))).toThrow(/not valid JSON.*"not json"/);
    expect(() => jsonSerde.deserialize(Buffer.alloc(0))).toThrow(/not valid JSON/);
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => jsonSerde.serialize(10n)).toThrow(/cannot be written as JSON/);
    expect(() => jsonSerde.serialize(() => 1)).toThrow(/function/);
  });
});

describe('string format', () => {
  it('reads UTF-8 text and writes text, numbers and structures', () => {
    expect(stringSerde.deserialize(Buffer.from('héllo'))).toBe('héllo');
    expect(stringSerde.serialize('héllo')).toEqual(Buffer.from('héllo'));
    expect(stringSerde.serialize(42)!.toString()).toBe('42');
    expect(stringSerde.serialize({ a: 1 })!.toString()).toBe('{"a":1}');
    expect(stringSerde.serialize(null)).toBeNull();
  });
});

describe('bytes format', () => {
  it('keeps bytes as a Buffer, untouched', () => {
    const bytes = Buffer.from([0, 255, 10]);
    expect(bytesSerde.deserialize(bytes)).toBe(bytes);
    expect(bytesSerde.serialize(bytes)).toBe(bytes);
    expect(bytesSerde.serialize(new Uint8Array([1, 2]))).toEqual(Buffer.from([1, 2]));
    expect(bytesSerde.serialize('hi')).toEqual(Buffer.from('hi'));
  });

  it('refuses structured values and says which format to use', () => {
    expect(() => bytesSerde.serialize({ a: 1 })).toThrow(/use format "json"/);
  });
});

describe('serdeFor', () => {
  it('finds each format and rejects unknown ones', () => {
    expect(serdeFor('json')).toBe(jsonSerde);
    expect(serdeFor('string')).toBe(stringSerde);
    expect(serdeFor('bytes')).toBe(bytesSerde);
    expect(() => serdeFor('avro' as never)).toThrow(/unknown record format "avro"/);
  });
});
