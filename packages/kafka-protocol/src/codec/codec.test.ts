import { describe, expect, it } from 'vitest';
import { message } from '../schema/index.js';
import { ProtocolDecodeError, ProtocolEncodeError } from '../primitives/decode-error.js';
import { Reader } from '../primitives/reader.js';
import { Writer } from '../primitives/writer.js';
import { decode } from './decode.js';
import { encode } from './encode.js';
import { UnsupportedApiError } from './unsupported-api-error.js';

const Sample = message({
  name: 'SampleRequest',
  apiKey: 1000,
  type: 'request',
  validVersions: '0-2',
  flexibleVersions: '2+',
  fields: [
    { name: 'id', type: 'int32', versions: '0+' },
    { name: 'label', type: 'string', versions: '1+', nullableVersions: '1+', default: null },
    { name: 'epoch', type: 'int64', versions: '0+', default: -1n },
    {
      name: 'items', type: '[]Item', versions: '0+', fields: [
        { name: 'offset', type: 'int64', versions: '0+' },
        { name: 'payload', type: 'records', versions: '0+', nullableVersions: '0+' },
      ],
    },
    { name: 'topicId', type: 'uuid', versions: '1+' },
    { name: 'hint', type: 'int32', versions: '2+', taggedVersions: '2+', tag: 1, default: -1 },
    { name: 'note', type: 'string', versions: '2+', taggedVersions: '2+', tag: 0, nullableVersions: '2+', default: null },
  ],
});

const hexOf = (version: number, value: object) => encode(Sample, version, value as never, new Writer()).toBuffer().toString('hex');
const fromHex = (version: number, hex: string) => decode(Sample, version, new Reader(Buffer.from(hex.replace(/\s/g, ''), 'hex')));

describe('encode', () => {
  it('writes a non-flexible version field by field, skipping fields the version lacks', () => {
    const value = { id: 7, label: 'x', epoch: 5n, items: [], topicId: 'AAAAAAAAAAAAAAAAAAAAAQ', hint: 3 };
    expect(hexOf(0, value)).toBe('00000007' + '0000000000000005' + '00000000');
  });

  it('uses compact encodings and tagged fields, ascending by tag, in a flexible version', () => {
    const value = { id: 1, label: 'ab', epoch: 2n, items: [{ offset: 3n, payload: Buffer.from('hi') }], hint: 9, note: 'n' };
    expect(hexOf(2, value)).toBe(
      '00000001' + '03 6162'.replace(' ', '') + '0000000000000002' +
        '02' + '0000000000000003' + '03 6869'.replace(' ', '') + '00' + // one item: compact array, compact bytes, no tags
        '00000000000000000000000000000000' +
        '02' + '00 02 02 6e'.replace(/ /g, '') + '01 04 00000009'.replace(/ /g, ''),
    );
  });

  it('leaves out tagged fields that hold their default', () => {
    const bytes = hexOf(2, { id: 1, items: [], hint: -1, note: null });
    expect(bytes.endsWith('00')).toBe(true);
    expect(fromHex(2, bytes)).toMatchObject({ hint: -1, note: null });
  });

  it('writes missing fields as their defaults', () => {
    expect(hexOf(1, { id: 1, items: [] })).toBe('00000001' + 'ffff' + 'ffffffffffffffff' + '00000000' + '0'.repeat(32));
  });

  it('accepts numbers for int64 fields', () => {
    expect(hexOf(0, { id: 0, epoch: 258, items: [] })).toBe('00000000' + '0000000000000102' + '00000000');
  });

  it('writes a list of buffers as one records field', () => {
    const parts = [Buffer.alloc(400, 1), Buffer.alloc(10, 2)];
    const w = encode(Sample, 0, { id: 1, items: [{ offset: 0n, payload: parts }] }, new Writer());
    expect(w.chunks()).toContain(parts[0]);
    const decoded = decode(Sample, 0, new Reader(w.toBuffer()));
    expect(decoded.items[0].payload).toEqual(Buffer.concat(parts));
  });

  it('names the field when a value does not fit', () => {
    const bad = { id: 1, items: [{ offset: 0n, payload: null }, { offset: 'x', payload: null }] };
    expect(() => hexOf(0, bad)).toThrow(/SampleRequest v0: items\[\]\.offset: /);
    expect(() => hexOf(0, { id: null, items: [] })).toThrow(ProtocolEncodeError);
    expect(() => hexOf(0, { id: 1, items: 'nope' })).toThrow(/items\[\]: expected an array/);
    expect(() => hexOf(1, { id: 1, items: [], topicId: 'short' })).toThrow(/topicId: not a 22-character/);
    expect(() => hexOf(0, { id: 70000 * 70000, items: [] })).toThrow(/id: /);
  });

  it('refuses versions the schema does not declare', () => {
    expect(() => hexOf(3, { id: 1, items: [] })).toThrow(UnsupportedApiError);
    expect(() => fromHex(-1, '')).toThrow(UnsupportedApiError);
  });
});

describe('decode', () => {
  it('fills fields the version lacks with their defaults', () => {
    expect(fromHex(0, '00000007 0000000000000005 00000000')).toEqual({
      id: 7,
      label: null,
      epoch: 5n,
      items: [],
      topicId: 'AAAAAAAAAAAAAAAAAAAAAA',
      hint: -1,
      note: null,
    });
  });

  it('skips unknown tags and reads known ones', () => {
    const hex = '00000001 01 0000000000000002 01' + '0'.repeat(32) + '02 05 02 abcd 01 04 0000002a';
    expect(fromHex(2, hex)).toMatchObject({ id: 1, label: '', hint: 42, note: null });
  });

  it('rejects a known tagged field whose size does not match its value', () => {
    const hex = '00000001 01 0000000000000002 01' + '0'.repeat(32) + '01 01 05 0000002a 00';
    expect(() => fromHex(2, hex)).toThrow(ProtocolDecodeError);
  });

  it('rejects an element count the remaining bytes cannot hold, before allocating', () => {
    // each item takes at least 12 bytes (int64 + int32 length): 1000 items cannot fit in 100 bytes
    const hex = '00000001 0000000000000002 000003e8' + '00'.repeat(100);
    expect(() => fromHex(0, hex)).toThrow(/array of 1000 elements cannot fit/);
  });

  it('rejects null in a non-nullable array', () => {
    expect(() => fromHex(0, '00000001 0000000000000002 ffffffff')).toThrow(ProtocolDecodeError);
  });
});

describe('declarations', () => {
  it('are checked when first used', () => {
    const unknownType = message({
      name: 'Broken', apiKey: 1001, type: 'request', validVersions: '0', flexibleVersions: 'none',
      fields: [{ name: 'x', type: 'int33', versions: '0+' }],
    });
    expect(() => encode(unknownType, 0, {} as never, new Writer())).toThrow(/Broken.x: unknown type "int33"/);
    const taggedButRigid = message({
      name: 'Rigid', apiKey: 1002, type: 'request', validVersions: '0', flexibleVersions: 'none',
      fields: [{ name: 'x', type: 'int8', versions: '0+', taggedVersions: '0+', tag: 0 }],
    });
    expect(() => encode(taggedButRigid, 0, {} as never, new Writer())).toThrow(/not flexible/);
  });
});
