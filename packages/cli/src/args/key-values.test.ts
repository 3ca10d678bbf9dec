import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { isTrue, parseKeyValues } from './key-values.js';

describe('parseKeyValues', () => {
  it('splits at the first = and lets later entries win', () => {
    const m = parseKeyValues('demo', 'config', ['a=1', 'url=x=y', 'a=2', 'empty=']);
    expect([...m]).toEqual([
      ['a', '2'],
      ['url', 'x=y'],
      ['empty', ''],
    ]);
  });

  it('keeps separators literally (a tab or a colon is a value like any other)', () => {
    expect(parseKeyValues('demo', 'property', ['key.separator=\t']).get('key.separator')).toBe('\t');
  });

  it('rejects entries without a key', () => {
    expect(() => parseKeyValues('demo', 'config', ['novalue'])).toThrow(UsageError);
    expect(() => parseKeyValues('demo', 'config', ['=1'])).toThrow("--config '=1' must look like key=value");
  });
});

describe('isTrue', () => {
  it('accepts true in any case with spaces, nothing else', () => {
    expect(isTrue(' TRUE ')).toBe(true);
    expect(isTrue('yes')).toBe(false);
    expect(isTrue(undefined)).toBe(false);
  });
});
