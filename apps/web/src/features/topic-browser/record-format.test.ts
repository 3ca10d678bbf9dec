import { describe, expect, it } from 'vitest';
import { parseConfigLines, parseHeaderLines, showPayload, wholeNumber } from './record-format.js';

describe('showPayload', () => {
  it('pretty-prints JSON and labels bytes and nulls', () => {
    expect(showPayload({ format: 'json', value: { a: 1 } }).text).toBe('{\n  "a": 1\n}');
    expect(showPayload({ format: 'string', value: 'hi' })).toEqual({ text: 'hi', kind: 'string' });
    expect(showPayload({ format: 'bytes', value: '//4=' }).text).toBe('base64://4=');
    expect(showPayload({ format: 'null', value: null }).kind).toBe('null');
  });
});

describe('form fields', () => {
  it('reads header and config lines, naming the line that is wrong', () => {
    expect(parseHeaderLines('source=test\n\n trace: abc ')).toEqual({ headers: { source: 'test', trace: 'abc' } });
    expect(parseHeaderLines('nope')).toEqual({ error: 'header line 1: write name=value' });
    expect(parseConfigLines('retention.ms=1000')).toEqual({ config: { 'retention.ms': '1000' } });
    expect(parseConfigLines('a=1\n=2')).toMatchObject({ error: expect.stringMatching(/^config line 2/) });
  });

  it('reads whole numbers, blank as unset', () => {
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('-3')).toBe(-3);
    expect(wholeNumber('')).toBeUndefined();
    expect(wholeNumber('1.5')).toBe('invalid');
  });
});
