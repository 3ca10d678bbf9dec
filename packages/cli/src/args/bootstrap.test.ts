import { describe, expect, it } from 'vitest';
import { resolveBootstrap } from './bootstrap.js';

describe('resolveBootstrap', () => {
  it('prefers the flag, then the environment, then 127.0.0.1:9092', () => {
    const env = { SLUICE_BOOTSTRAP_SERVER: 'envhost:9093' };
    expect(resolveBootstrap('t', 'flaghost:1', env)).toEqual(['flaghost:1']);
    expect(resolveBootstrap('t', undefined, env)).toEqual(['envhost:9093']);
    expect(resolveBootstrap('t', undefined, {})).toEqual(['127.0.0.1:9092']);
  });

  it('splits comma-separated lists and trims them', () => {
    expect(resolveBootstrap('t', 'a:1, b:2,,[::1]:3', {})).toEqual(['a:1', 'b:2', '[::1]:3']);
  });

  it('says which setting holds a malformed address', () => {
    expect(() => resolveBootstrap('t', 'localhost', {})).toThrow(
      "--bootstrap-server 'localhost' is not host:port (for example 127.0.0.1:9092)",
    );
    expect(() => resolveBootstrap('t', undefined, { SLUICE_BOOTSTRAP_SERVER: 'h:99999' })).toThrow(
      "$SLUICE_BOOTSTRAP_SERVER 'h:99999' is not host:port",
    );
  });
});
