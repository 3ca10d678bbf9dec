import { describe, expect, it } from 'vitest';
import { CredentialStore, scramCredential } from './credentials.js';
import { AuthenticationFailure } from './sasl-mechanism.js';
import { scramExchange } from './scram-exchange.js';

// RFC 7677 section 3: the SCRAM-SHA-256 exchange for user "user", password "pencil".
const RFC = {
  clientFirst: 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO',
  serverFirst: 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  clientFinal: 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};
const rfcUsers = {
  scramCredential: (_m: string, user: string) =>
    user === 'user' ? scramCredential('SCRAM-SHA-256', 'pencil', Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'), 4096) : undefined,
};

describe('SCRAM server exchange', () => {
  it('answers the RFC 7677 test vector byte for byte', () => {
    const exchange = scramExchange('SCRAM-SHA-256', rfcUsers, () => '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0');
    const first = exchange.evaluate(Buffer.from(RFC.clientFirst));
    expect(first).toMatchObject({ done: false });
    expect(first.response.toString()).toBe(RFC.serverFirst);
    const final = exchange.evaluate(Buffer.from(RFC.clientFinal));
    expect(final.done).toBe(true);
    expect(final.principal).toBe('user');
    expect(final.response.toString()).toBe(RFC.serverFinal);
  });

  it('refuses a wrong proof, naming the user and mechanism', () => {
    const exchange = scramExchange('SCRAM-SHA-256', rfcUsers, () => '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0');
    exchange.evaluate(Buffer.from(RFC.clientFirst));
    const forged = RFC.clientFinal.replace(/p=.*/, `p=${Buffer.alloc(32, 1).toString('base64')}`);
    expect(() => exchange.evaluate(Buffer.from(forged))).toThrow('authentication failed for user user (SASL/SCRAM-SHA-256)');
  });

  it('refuses an unknown user at the first message, and a nonce the server did not send', () => {
    expect(() => scramExchange('SCRAM-SHA-512', rfcUsers).evaluate(Buffer.from('n,,n=mallory,r=abc'))).toThrow(
      'authentication failed for user mallory (SASL/SCRAM-SHA-512)',
    );
    const exchange = scramExchange('SCRAM-SHA-256', rfcUsers, () => 'server');
    exchange.evaluate(Buffer.from(RFC.clientFirst));
    expect(() => exchange.evaluate(Buffer.from('c=biws,r=other,p=AAAA'))).toThrow(AuthenticationFailure);
  });

  it('keeps hashes, not passwords, and checks PLAIN passwords against them', () => {
    const store = new CredentialStore(new Map([['alice', 'secret']]), ['PLAIN', 'SCRAM-SHA-512']);
    expect(store.verifyPlain('alice', 'secret')).toBe(true);
    expect(store.verifyPlain('alice', 'Secret')).toBe(false);
    expect(store.verifyPlain('bob', 'secret')).toBe(false);
    expect(store.scramCredential('SCRAM-SHA-256', 'alice')).toBeUndefined();
    expect(JSON.stringify(store, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v))).not.toContain('secret');
  });
});
