// The broker's TLS and SASL settings, named as in Kafka's server.properties and given with
// `--config k=v`. Parsed once at start: files are read, users' passwords hashed.
import { readFileSync } from 'node:fs';
import { JaasSyntaxError, parseJaasConfig } from '@sluice/kafka-protocol';
import { ConfigError } from '../config/broker-config.js';
import { CredentialStore } from './credentials.js';
import { usesSasl, usesTls, type ListenerSpec } from './listener.js';
import { SASL_MECHANISMS, type SaslMechanismName } from './sasl-mechanism.js';
import type { SaslServerSettings } from './sasl-session.js';

/** What tls.createServer needs, read from PEM files. */
export interface TlsServerSettings {
  key: string;
  cert: string;
  passphrase?: string;
  /** CAs that client certificates must chain to (ssl.truststore.*). */
  ca?: string;
  /** ssl.client.auth, for SSL listeners (SASL_SSL clients authenticate by SASL, as in Kafka). */
  clientAuth: 'none' | 'requested' | 'required';
}

export interface BrokerSecurity {
  tls: TlsServerSettings | null;
  sasl: SaslServerSettings | null;
}

const SECURITY_KEYS = new Set([
  'ssl.keystore.type',
  'ssl.keystore.location',
  'ssl.keystore.key',
  'ssl.keystore.certificate.chain',
  'ssl.key.password',
  'ssl.truststore.type',
  'ssl.truststore.location',
  'ssl.truststore.certificates',
  'ssl.client.auth',
  'sasl.enabled.mechanisms',
  'sasl.jaas.config',
]);
/** `listener.name.sasl_ssl.plain.sasl.jaas.config` and friends: per-listener JAAS, users merged. */
const LISTENER_JAAS = /^listener\.name\.[a-z_]+\.(?:[a-z0-9-]+\.)?sasl\.jaas\.config$/;

export const isSecurityKey = (key: string): boolean => SECURITY_KEYS.has(key) || LISTENER_JAAS.test(key);

/** Splits `--config` pairs into security settings (kept here) and the rest (broker-config.ts). */
export function splitSecurityPairs(pairs: readonly string[]): { security: Map<string, string>; rest: string[] } {
  const security = new Map<string, string>();
  const rest: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq).trim() : '';
    if (key && isSecurityKey(key)) security.set(key, pair.slice(eq + 1).trim());
    else rest.push(pair);
  }
  return { security, rest };
}

function readPem(key: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`--config ${key}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

const pemBlocks = (text: string, label: RegExp) =>
  (text.match(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g) ?? []).filter((b) => label.test(b.split('\n')[0]));

function tlsSettings(c: Map<string, string>): TlsServerSettings {
  const type = (c.get('ssl.keystore.type') ?? 'PEM').toUpperCase();
  if (type !== 'PEM') throw new ConfigError(`--config ssl.keystore.type=${type} is not supported; use PEM (convert with openssl pkcs12 -nodes)`);
  const location = c.get('ssl.keystore.location');
  const text = location ? readPem('ssl.keystore.location', location) : `${c.get('ssl.keystore.key') ?? ''}\n${c.get('ssl.keystore.certificate.chain') ?? ''}`;
  const keys = pemBlocks(text, /PRIVATE KEY/);
  const certs = pemBlocks(text, /CERTIFICATE/);
  const where = location ?? 'ssl.keystore.key / ssl.keystore.certificate.chain';
  if (keys.length !== 1) throw new ConfigError(`${where} must hold one PEM private key, found ${keys.length}`);
  if (certs.length === 0) throw new ConfigError(`${where} holds no PEM certificate; put the key and its certificate chain in it`);
  const clientAuth = (c.get('ssl.client.auth') ?? 'none').toLowerCase();
  if (clientAuth !== 'none' && clientAuth !== 'requested' && clientAuth !== 'required') {
    throw new ConfigError(`--config ssl.client.auth must be none, requested or required, got "${clientAuth}"`);
  }
  const trustType = (c.get('ssl.truststore.type') ?? 'PEM').toUpperCase();
  if (trustType !== 'PEM') throw new ConfigError(`--config ssl.truststore.type=${trustType} is not supported; use PEM`);
  const trustLocation = c.get('ssl.truststore.location');
  const ca = trustLocation ? readPem('ssl.truststore.location', trustLocation) : c.get('ssl.truststore.certificates');
  if (clientAuth !== 'none' && !ca) throw new ConfigError('--config ssl.client.auth needs the CAs of client certificates in ssl.truststore.location');
  const passphrase = c.get('ssl.key.password');
  return { key: keys[0], cert: certs.join('\n'), clientAuth, ...(ca ? { ca } : {}), ...(passphrase ? { passphrase } : {}) };
}

function saslSettings(c: Map<string, string>): SaslServerSettings {
  const mechanisms = (c.get('sasl.enabled.mechanisms') ?? SASL_MECHANISMS.join(','))
    .split(',')
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
  for (const m of mechanisms) {
    if (!(SASL_MECHANISMS as readonly string[]).includes(m)) {
      throw new ConfigError(`--config sasl.enabled.mechanisms: ${m} is not supported; use ${SASL_MECHANISMS.join(', ')}`);
    }
  }
  const users = new Map<string, string>();
  for (const [key, value] of c) {
    if (key !== 'sasl.jaas.config' && !LISTENER_JAAS.test(key)) continue;
    let jaas;
    try {
      jaas = parseJaasConfig(value);
    } catch (err) {
      if (err instanceof JaasSyntaxError) throw new ConfigError(`--config ${key}: ${err.message}`);
      throw err;
    }
    for (const [option, password] of jaas.options) if (option.startsWith('user_')) users.set(option.slice(5), password);
  }
  if (users.size === 0) {
    throw new ConfigError(
      `a SASL listener needs users: --config 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";'`,
    );
  }
  return { mechanisms: mechanisms as SaslMechanismName[], users: new CredentialStore(users, mechanisms) };
}

/** Checks that every listener has what its protocol needs, and builds it. */
export function parseBrokerSecurity(c: Map<string, string>, listeners: readonly ListenerSpec[]): BrokerSecurity {
  const tlsListener = listeners.find((l) => usesTls(l.protocol));
  const saslListener = listeners.find((l) => usesSasl(l.protocol));
  const hasKeystore = c.has('ssl.keystore.location') || c.has('ssl.keystore.key');
  if (tlsListener && !hasKeystore) {
    throw new ConfigError(
      `listener ${tlsListener.protocol}://${tlsListener.host}:${tlsListener.port} needs a key and certificate: --config ssl.keystore.type=PEM --config ssl.keystore.location=server.pem`,
    );
  }
  return {
    tls: tlsListener ? tlsSettings(c) : null,
    sasl: saslListener ? saslSettings(c) : null,
  };
}
