import { describe, expect, it } from 'vitest';
import { crc32c } from './crc32c.js';

describe('crc32c', () => {
  it('matches the standard check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('is unsigned and continues over pieces', () => {
    const data = Buffer.from('the quick brown fox jumps over the lazy dog');
    const whole = crc32c(data);
    expect(whole).toBeGreaterThanOrEqual(0);
    expect(crc32c(data.subarray(10), crc32c(data.subarray(0, 10)))).toBe(whole);
  });
});
