import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files for TLS tests, made with openssl in a temporary directory. */
export interface TestCertificates {
  dir: string;
  /** The CA's certificate: what clients trust. */
  caCert: string;
  /** The broker's private key followed by its certificate chain (Kafka's PEM keystore). */
  serverPem: string;
  /** A client key and certificate signed by the same CA. */
  clientKey: string;
  clientCert: string;
  /** A second CA that signed nothing here: trusting it must fail. */
  otherCaCert: string;
  cleanup(): void;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

function makeCa(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`]);
}

function signed(dir: string, name: string, subjectAltName: string): void {
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${subjectAltName}\n`);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`]);
}

/**
 * A self-signed CA, a broker certificate for `subjectAltName` (by default localhost and 127.0.0.1)
 * signed by it, a client certificate, and an unrelated CA.
 */
export function makeTestCertificates(subjectAltName = 'DNS:localhost,IP:127.0.0.1'): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-tls-'));
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  signed(dir, 'server', subjectAltName);
  signed(dir, 'client', 'DNS:client');
  const serverPem = join(dir, 'server.pem');
  writeFileSync(serverPem, readFileSync(join(dir, 'server.key'), 'utf8') + readFileSync(join(dir, 'server.crt'), 'utf8') + readFileSync(join(dir, 'ca.crt'), 'utf8'));
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    serverPem,
    clientKey: join(dir, 'client.key'),
    clientCert: join(dir, 'client.crt'),
    otherCaCert: join(dir, 'other-ca.crt'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * `--config` pairs for a broker that serves TLS with these certificates and SASL users; with
 * `requireClientCertificates`, its SSL listener asks for a certificate signed by the same CA.
 */
export function secureBrokerConfig(
  certs: TestCertificates,
  users: Record<string, string>,
  { requireClientCertificates = false } = {},
): Record<string, string> {
  const userOptions = Object.entries(users)
    .map(([u, p]) => `user_${u}="${p}"`)
    .join(' ');
  return {
    'ssl.keystore.type': 'PEM',
    'ssl.keystore.location': certs.serverPem,
    'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required ${userOptions};`,
    ...(requireClientCertificates ? { 'ssl.client.auth': 'required', 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': certs.caCert } : {}),
  };
}
