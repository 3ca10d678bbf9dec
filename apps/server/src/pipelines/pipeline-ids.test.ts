import { describe, expect, it } from 'vitest';
import { newPipelineId, slugOf } from './pipeline-ids.js';

describe('pipeline ids', () => {
  it('slugs names into URL-safe lowercase words', () => {
    expect(slugOf('extreme-weather')).toBe('extreme-weather');
    expect(slugOf('Extreme_Weather.v2')).toBe('extreme-weather-v2');
    expect(slugOf('__')).toBe('pipeline');
    expect(slugOf('a'.repeat(100)).length).toBe(40);
  });

  it('adds a random suffix and never returns a taken id', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const id = newPipelineId('Orders', (candidate) => seen.has(candidate));
      expect(id).toMatch(/^orders-[0-9a-z]{6}$/);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  });
});
