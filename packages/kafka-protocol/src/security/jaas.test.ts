import { describe, expect, it } from 'vitest';
import { JaasSyntaxError, parseJaasConfig } from './jaas.js';

describe('parseJaasConfig', () => {
  it('reads the login module, flag and quoted options (both quote kinds)', () => {
    const c = parseJaasConfig(
      `org.apache.kafka.common.security.plain.PlainLoginModule required username='KEY' password="s3cr=t;x" user_alice="a b";`,
    );
    expect(c.loginModule).toBe('org.apache.kafka.common.security.plain.PlainLoginModule');
    expect(c.controlFlag).toBe('required');
    expect(Object.fromEntries(c.options)).toEqual({ username: 'KEY', password: 's3cr=t;x', user_alice: 'a b' });
  });

  it('takes bare values and line breaks', () => {
    const c = parseJaasConfig('m.ScramLoginModule required\n  username=bob\n  password=pw ;');
    expect(Object.fromEntries(c.options)).toEqual({ username: 'bob', password: 'pw' });
  });

  it('refuses a missing flag, a missing semicolon and an unclosed quote', () => {
    expect(() => parseJaasConfig('m.PlainLoginModule username="a";')).toThrow(JaasSyntaxError);
    expect(() => parseJaasConfig('m.PlainLoginModule required username="a"')).toThrow(/must end with ";"/);
    expect(() => parseJaasConfig('m.PlainLoginModule required username="a;')).toThrow(/no closing "/);
  });
});
