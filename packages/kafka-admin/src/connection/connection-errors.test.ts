import { describe, expect, it } from 'vitest';
import type { KafkaConnectionSettings } from './connection-config.js';
import { explainSecurityFailure } from './connection-errors.js';

const scram: KafkaConnectionSettings = {
  securityProtocol: 'SASL_SSL',
  sasl: { mechanism: 'SCRAM-SHA-256', username: 'alice', password: 'hunter2' },
  tls: { verifyHostname: true, verifyCertificate: true },
};
/** kafkajs wraps the cause in retry errors; the explanation must find it anywhere in the chain. */
const wrapped = (cause: object) => Object.assign(new Error('retries exceeded'), { name: 'KafkaJSNumberOfRetriesExceeded', originalError: cause });

describe('explainSecurityFailure', () => {
  it('names the user and mechanism of a failed authentication, never the password', () => {
    const err = wrapped(Object.assign(new Error('SASL SCRAM SHA256 authentication failed: …'), { name: 'KafkaJSSASLAuthenticationError' }));
    const line = explainSecurityFailure(err, scram);
    expect(line).toBe('authentication failed for user alice (SASL/SCRAM-SHA-256): check the user name and password');
    expect(line).not.toContain('hunter2');
  });

  it('tells an untrusted certificate from a host name mismatch', () => {
    const untrusted = Object.assign(new Error('Connection error: self-signed certificate in certificate chain'), {
      name: 'KafkaJSConnectionError',
      broker: 'kafka:9093',
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
    expect(explainSecurityFailure(wrapped(untrusted), scram)).toMatch(/^TLS: the certificate of the broker at kafka:9093 is not trusted \(self-signed certificate in certificate chain\); point ssl\.truststore\.location/);
    const mismatch = Object.assign(new Error("Connection error: TLS: the broker's certificate is not valid for host kafka (it names DNS:other)"), {
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
    expect(explainSecurityFailure(mismatch, scram)).toBe("TLS: the broker's certificate is not valid for host kafka (it names DNS:other)");
  });

  it('suggests the protocol when the broker closes the connection', () => {
    const closed = Object.assign(new Error('Closed connection'), { name: 'KafkaJSConnectionClosedError', broker: 'kafka:9092' });
    expect(explainSecurityFailure(closed, { securityProtocol: 'PLAINTEXT' })).toMatch(/^the broker at kafka:9092 closed the connection: if its listener uses TLS or SASL/);
    expect(explainSecurityFailure(closed, scram)).toMatch(/during the TLS handshake: is that listener plaintext\? Then set security\.protocol=SASL_PLAINTEXT$/);
  });

  it('leaves other failures alone', () => {
    expect(explainSecurityFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), scram)).toBeUndefined();
    expect(explainSecurityFailure(Object.assign(new Error('topic exists'), { type: 'TOPIC_ALREADY_EXISTS' }), scram)).toBeUndefined();
  });
});
