import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from './suggest.js';

describe('suggestions', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('fliter', 'filter')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('suggests only plausible typos', () => {
    expect(closestMatch('fliter', ['source', 'filter', 'sink'])).toBe('filter');
    expect(closestMatch('Sink', ['source', 'sink'])).toBe('sink');
    expect(closestMatch('enrich', ['source', 'filter', 'sink'])).toBeUndefined();
    expect(didYouMean('vaule', ['value', 'key'])).toBe(' (did you mean value?)');
    expect(didYouMean('temp', ['value', 'topic'])).toBe('');
  });
});
