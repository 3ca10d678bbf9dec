import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandConfigError, loadCommandConfig, parseClientProperties } from './client-properties.js';
import { describeConnection } from './connection-config.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-props-'));
writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n');
writeFileSync(
  join(dir, 'client.pem'),
  '-----BEGIN PRIVATE KEY-----\nK\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nC\n-----END CERTIFICATE-----\n',
);
const parse = (props: Record<string, string>, env: Record<string, string> = {}) =>
  parseClientProperties(props, { env, cwd: dir, source: 'client.properties' });

describe('client properties', () => {
  it('reads a Confluent Cloud-style file (Java JAAS form, settings with no effect here)', () => {
    writeFileSync(
      join(dir, 'cloud.properties'),
      [
        '# from the Confluent Cloud console',
        'bootstrap.servers=pkc-123.us-east-1.aws.confluent.cloud:9092',
        'security.protocol=SASL_SSL',
        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username='KEY' password='${env:CLOUD_SECRET}';",
        'sasl.mechanism=PLAIN',
        'client.dns.lookup=use_all_dns_ips',
        'session.timeout.ms=45000',
        'acks=all',
        'schema.registry.url=https://psrc.example',
      ].join('\n'),
    );
    const c = loadCommandConfig('cloud.properties', { env: { CLOUD_SECRET: 's3cret' }, cwd: dir });
    expect(c).toEqual({
      securityProtocol: 'SASL_SSL',
      sasl: { mechanism: 'PLAIN', username: 'KEY', password: 's3cret' },
      tls: { verifyHostname: true, verifyCertificate: true },
    });
    expect(describeConnection(c)).toBe('SASL_SSL, SASL/PLAIN as KEY');
  });

  it('reads librdkafka names, a CA file and a client certificate', () => {
    const c = parse({
      'security.protocol': 'sasl_ssl',
      'sasl.mechanisms': 'SCRAM-SHA-512',
      'sasl.username': 'alice',
      'ssl.ca.location': 'ca.pem',
      'ssl.certificate.location': 'client.pem',
      'ssl.key.location': 'client.pem',
      'ssl.endpoint.identification.algorithm': 'none',
    }, { SLUICE_KAFKA_PASSWORD: 'from-env' });
    expect(c.sasl).toEqual({ mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'from-env' });
    expect(c.tls?.ca).toContain('CA');
    expect(c.tls?.verifyHostname).toBe(false);
  });

  it('splits a PEM keystore into key and certificate', () => {
    const c = parse({ 'security.protocol': 'SSL', 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': 'client.pem', 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': 'ca.pem' });
    expect(c.tls?.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(c.tls?.cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(c.sasl).toBeUndefined();
  });

  it('is plaintext with an empty file', () => {
    expect(parse({})).toEqual({ securityProtocol: 'PLAINTEXT' });
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    ['a typo, with the name meant', { 'sasl.mechansim': 'PLAIN' }, /unknown property sasl\.mechansim \(did you mean sasl\.mechanism\?\)/],
    ['an unknown protocol', { 'security.protocol': 'TLS' }, /security\.protocol=TLS is not one of/],
    ['SASL settings without a SASL protocol', { 'security.protocol': 'SSL', 'sasl.mechanism': 'PLAIN' }, /sasl\.mechanism is set but security\.protocol=SSL does not use SASL/],
    ['TLS settings without TLS', { 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN', 'sasl.username': 'a', 'sasl.password': 'b', 'ssl.ca.location': 'ca.pem' }, /ssl\.ca\.location is set but security\.protocol=SASL_PLAINTEXT does not use TLS/],
    ['two mechanisms', { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'PLAIN', 'sasl.mechanisms': 'SCRAM-SHA-256' }, /disagree/],
    ['an unsupported mechanism', { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'GSSAPI' }, /sasl\.mechanism=GSSAPI is not supported/],
    ['a JKS truststore', { 'security.protocol': 'SSL', 'ssl.truststore.type': 'JKS', 'ssl.truststore.location': 'ca.pem' }, /ssl\.truststore\.type=JKS is not supported/],
    ['two CA sources', { 'security.protocol': 'SSL', 'ssl.truststore.location': 'ca.pem', 'ssl.ca.location': 'ca.pem' }, /ssl\.truststore\.location and ssl\.ca\.location/],
    ['a key without a certificate', { 'security.protocol': 'SSL', 'ssl.key.location': 'client.pem' }, /ssl\.key\.location is set but no client certificate/],
    ['a missing file', { 'security.protocol': 'SSL', 'ssl.ca.location': 'nope.pem' }, /ssl\.ca\.location: cannot read .*nope\.pem \(ENOENT\)/],
    ['an unset variable', { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'PLAIN', 'sasl.username': 'a', 'sasl.password': '${env:NOPE}' }, /sasl\.password refers to \$\{env:NOPE\}, which is not set/],
    ['no password anywhere', { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'PLAIN', 'sasl.username': 'a' }, /no SASL password for user a/],
    ['PLAIN login module with SCRAM', { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'SCRAM-SHA-256', 'sasl.jaas.config': 'x.PlainLoginModule required username="a" password="b";' }, /PlainLoginModule but sasl\.mechanism=SCRAM-SHA-256/],
  ];
  for (const [what, props, message] of refused) {
    it(`refuses ${what} in one line naming the property`, () => {
      let error: unknown;
      try {
        parse(props);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(CommandConfigError);
      expect((error as Error).message).toMatch(/^client\.properties: /);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }
});
