import { describe, expect, it } from 'vitest';
import { LineFormatError, lineFormatFrom, parseLine } from './line-reader.js';

const format = (props: Record<string, string> = {}) => lineFormatFrom(new Map(Object.entries(props)));

describe('parseLine', () => {
  it('makes the whole line the value by default (tabs included)', () => {
    expect(parseLine('a\tb:c', 1, format())).toEqual({ key: null, value: 'a\tb:c', headers: [] });
  });

  it('splits key and value at the first key.separator', () => {
    const f = format({ 'parse.key': 'true', 'key.separator': ':' });
    expect(parseLine('user-1:{"a":1}:x', 1, f)).toEqual({ key: 'user-1', value: '{"a":1}:x', headers: [] });
    expect(parseLine(':only-value', 2, f)).toEqual({ key: '', value: 'only-value', headers: [] });
  });

  it('uses a tab as the default key separator and allows multi-character separators', () => {
    expect(parseLine('k\tv', 1, format({ 'parse.key': 'true' }))).toMatchObject({ key: 'k', value: 'v' });
    expect(parseLine('k::v::w', 1, format({ 'parse.key': 'true', 'key.separator': '::' }))).toMatchObject({
      key: 'k',
      value: 'v::w',
    });
  });

  it('drops the \\r of a CRLF line from the value', () => {
    expect(parseLine('k:v\r', 1, format({ 'parse.key': 'true', 'key.separator': ':' }))).toMatchObject({ value: 'v' });
    expect(parseLine('plain\r', 1, format()).value).toBe('plain');
  });

  it('fails a line without the separator, naming its number as Kafka does', () => {
    const f = format({ 'parse.key': 'true', 'key.separator': ':' });
    let error: unknown;
    try {
      parseLine('no separator here', 7, f);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LineFormatError);
    expect((error as LineFormatError).lineNumber).toBe(7);
    expect((error as Error).message).toBe("No key separator found on line number 7: 'no separator here'");
  });

  it('with ignore.error, sends such a line as a value without key', () => {
    const f = format({ 'parse.key': 'true', 'key.separator': ':', 'ignore.error': 'true' });
    expect(parseLine('no separator', 1, f)).toEqual({ key: null, value: 'no separator', headers: [] });
  });

  it('parses headers before the key', () => {
    const f = format({ 'parse.headers': 'true', 'parse.key': 'true' });
    expect(parseLine('h1:v1,h2:v2,h1:again\tk\tvalue', 1, f)).toEqual({
      key: 'k',
      value: 'value',
      headers: [
        ['h1', 'v1'],
        ['h2', 'v2'],
        ['h1', 'again'],
      ],
    });
  });

  it('reports a header pair without its key separator', () => {
    const f = format({ 'parse.headers': 'true' });
    expect(() => parseLine('h1\tvalue', 3, f)).toThrow("No header key separator found in pair 'h1' on line number 3");
  });

  it('turns fields equal to null.marker into nulls', () => {
    const f = format({ 'parse.key': 'true', 'parse.headers': 'true', 'null.marker': 'NULL' });
    expect(parseLine('h:NULL\tNULL\tNULL', 1, f)).toEqual({ key: null, value: null, headers: [['h', null]] });
    expect(parseLine('NULL\tk\tv', 1, f).headers).toEqual([]);
  });
});

describe('lineFormatFrom', () => {
  it('reads Kafka booleans loosely and keeps defaults', () => {
    const f = format({ 'parse.key': ' True ' });
    expect(f.parseKey).toBe(true);
    expect(f.keySeparator).toBe('\t');
    expect(f.parseHeaders).toBe(false);
  });

  it('refuses separator combinations that cannot be parsed', () => {
    expect(() => format({ 'headers.delimiter': ',' })).toThrow('headers.delimiter and headers.separator may not be equal');
    expect(() => format({ 'null.marker': '\t' })).toThrow('null.marker and key.separator may not be equal');
    expect(() => format({ 'key.separator': '' })).toThrow('--property key.separator must not be empty');
  });
});
