import { describe, expect, it } from 'vitest';
import { decodeHeaders, decodePayload, encodeValue } from './record-payload.js';

describe('decodePayload', () => {
  it('parses JSON objects, arrays, numbers and strings', () => {
    expect(decodePayload(Buffer.from('{"station":"oslo","temperature":41.5}'))).toEqual({
      format: 'json',
      value: { station: 'oslo', temperature: 41.5 },
    });
    expect(decodePayload(Buffer.from('[1,2]'))).toEqual({ format: 'json', value: [1, 2] });
    expect(decodePayload(Buffer.from('42'))).toEqual({ format: 'json', value: 42 });
    expect(decodePayload(Buffer.from('"quoted"'))).toEqual({ format: 'json', value: 'quoted' });
  });

  it('keeps text that is not JSON as text, including text that starts like JSON', () => {
    expect(decodePayload(Buffer.from('not json'))).toEqual({ format: 'string', value: 'not json' });
    expect(decodePayload(Buffer.from('{broken'))).toEqual({ format: 'string', value: '{broken' });
    expect(decodePayload(Buffer.from(''))).toEqual({ format: 'string', value: '' });
  });

  it('shows bytes that are not UTF-8 as base64, and a missing payload as null', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
    expect(decodePayload(bytes)).toEqual({ format: 'bytes', value: bytes.toString('base64') });
    expect(decodePayload(null)).toEqual({ format: 'null', value: null });
  });
});

describe('encodeValue', () => {
  it('writes strings as their text, other values as JSON, and null as a tombstone', () => {
    expect(encodeValue('plain')?.toString()).toBe('plain');
    expect(encodeValue({ a: 1 })?.toString()).toBe('{"a":1}');
    expect(encodeValue(12.5)?.toString()).toBe('12.5');
    expect(encodeValue(null)).toBeNull();
  });
});

describe('decodeHeaders', () => {
  it('turns Buffers into text and takes the first of repeated headers', () => {
    expect(decodeHeaders({ a: Buffer.from('x'), b: [Buffer.from('1'), Buffer.from('2')], c: undefined })).toEqual({ a: 'x', b: '1' });
  });
});
