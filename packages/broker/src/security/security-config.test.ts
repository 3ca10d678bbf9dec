import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkListeners, parseListener } from './listener.js';
import { parseBrokerSecurity, splitSecurityPairs } from './security-config.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-security-config-'));
const pem = join(dir, 'server.pem');
writeFileSync(pem, '-----BEGIN PRIVATE KEY-----\nK\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nC\n-----END CERTIFICATE-----\n');
const saslSsl = [parseListener('--listen', 'SASL_SSL://127.0.0.1:9093')];

describe('listeners', () => {
  it("reads Kafka's listener form, plaintext by default", () => {
    expect(parseListener('--listen', 'SASL_SSL://127.0.0.1:9093')).toEqual({ protocol: 'SASL_SSL', host: '127.0.0.1', port: 9093 });
    expect(parseListener('--listen', '127.0.0.1:9092')).toEqual({ protocol: 'PLAINTEXT', host: '127.0.0.1', port: 9092 });
    expect(parseListener('--listen', 'ssl://:9094')).toEqual({ protocol: 'SSL', host: '0.0.0.0', port: 9094 });
  });

  it('refuses an unknown protocol, a missing port and two listeners of one protocol', () => {
    expect(() => parseListener('--listen', 'TLS://h:1')).toThrow(/unknown security protocol TLS; use one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL/);
    expect(() => parseListener('--listen', 'SASL_SSL://h')).toThrow(/must be \[PROTOCOL:\/\/\]HOST:PORT/);
    expect(() => checkListeners([parseListener('l', 'SSL://a:1'), parseListener('l', 'SSL://a:2')])).toThrow(/two --listen addresses use SSL/);
  });
});

describe('broker security settings', () => {
  it('keeps TLS and SASL keys apart from the other broker configs', () => {
    const { security, rest } = splitSecurityPairs(['num.partitions=3', 'ssl.keystore.location=x', 'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=y']);
    expect(rest).toEqual(['num.partitions=3']);
    expect([...security.keys()]).toEqual(['ssl.keystore.location', 'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config']);
  });

  it('reads the PEM keystore and the users of every JAAS config', () => {
    const s = parseBrokerSecurity(
      new Map([
        ['ssl.keystore.type', 'PEM'],
        ['ssl.keystore.location', pem],
        ['sasl.enabled.mechanisms', 'SCRAM-SHA-256'],
        ['sasl.jaas.config', 'x.PlainLoginModule required user_alice="a";'],
        ['listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config', 'x.ScramLoginModule required user_bob="b";'],
      ]),
      saslSsl,
    );
    expect(s.tls?.key).toMatch(/PRIVATE KEY/);
    expect(s.tls?.cert).toMatch(/CERTIFICATE/);
    expect(s.sasl?.mechanisms).toEqual(['SCRAM-SHA-256']);
    expect(s.sasl?.users.scramCredential('SCRAM-SHA-256', 'bob')).toBeDefined();
    expect(s.sasl?.users.verifyPlain('alice', 'a')).toBe(false); // PLAIN is not enabled
  });

  it('says what a TLS or SASL listener is missing', () => {
    expect(() => parseBrokerSecurity(new Map(), saslSsl)).toThrow(
      /listener SASL_SSL:\/\/127\.0\.0\.1:9093 needs a key and certificate: --config ssl\.keystore\.type=PEM --config ssl\.keystore\.location=server\.pem/,
    );
    expect(() => parseBrokerSecurity(new Map([['ssl.keystore.location', pem]]), saslSsl)).toThrow(/a SASL listener needs users/);
    expect(() => parseBrokerSecurity(new Map([['ssl.keystore.location', pem], ['ssl.keystore.type', 'JKS']]), saslSsl)).toThrow(/ssl\.keystore\.type=JKS is not supported/);
    expect(() =>
      parseBrokerSecurity(new Map([['ssl.keystore.location', pem], ['sasl.enabled.mechanisms', 'GSSAPI'], ['sasl.jaas.config', 'x.P required user_a="b";']]), saslSsl),
    ).toThrow(/GSSAPI is not supported/);
  });
});
