// `--command-config FILE`: Kafka client properties (security.protocol, sasl.*, ssl.*) in the forms
// Kafka's scripts, Java clients and librdkafka use, turned into one KafkaConnectionSettings. Secrets
// come from the file, from `${env:NAME}` in it, or from $SLUICE_KAFKA_PASSWORD.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JaasSyntaxError, parseJaasConfig } from '@sluice/kafka-protocol';
import { getProperties } from 'properties-file';
import {
  protocolUsesSasl,
  protocolUsesTls,
  SASL_MECHANISMS,
  SECURITY_PROTOCOLS,
  type KafkaConnectionSettings,
  type SaslCredentials,
  type SaslMechanism,
  type SecurityProtocol,
  type TlsClientSettings,
} from './connection-config.js';
import { closestProperty, propertyKind } from './property-names.js';

export const PASSWORD_ENV = 'SLUICE_KAFKA_PASSWORD';

/** A property that is unknown, malformed or at odds with another; the message names it. */
export class CommandConfigError extends Error {}

export interface CommandConfigContext {
  env: Record<string, string | undefined>;
  /** Relative paths in the properties are read from here. */
  cwd: string;
}

/** Reads and parses a client properties file. */
export function loadCommandConfig(path: string, ctx: CommandConfigContext): KafkaConnectionSettings {
  const file = resolve(ctx.cwd, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CommandConfigError(`cannot read the --command-config file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseClientProperties(getProperties(text), { ...ctx, source: file });
}

/** Turns client properties into connection settings, checking every name and combination. */
export function parseClientProperties(
  properties: Record<string, string>,
  ctx: CommandConfigContext & { source: string },
): KafkaConnectionSettings {
  const fail = (message: string): never => {
    throw new CommandConfigError(`${ctx.source}: ${message}`);
  };
  const props = new Map<string, string>();
  for (const [name, raw] of Object.entries(properties)) {
    const kind = propertyKind(name);
    if (kind === 'unknown') {
      const near = closestProperty(name);
      fail(`unknown property ${name}${near ? ` (did you mean ${near}?)` : ''}`);
    }
    if (kind === 'used') props.set(name, substituteEnv(name, raw.trim(), ctx.env, fail));
  }

  const protocolText = (props.get('security.protocol') ?? 'PLAINTEXT').toUpperCase();
  if (!(SECURITY_PROTOCOLS as readonly string[]).includes(protocolText)) {
    fail(`security.protocol=${props.get('security.protocol')} is not one of ${SECURITY_PROTOCOLS.join(', ')}`);
  }
  const protocol = protocolText as SecurityProtocol;

  const saslNames = [...props.keys()].filter((k) => k.startsWith('sasl.'));
  if (!protocolUsesSasl(protocol) && saslNames.length > 0) {
    fail(`${saslNames[0]} is set but security.protocol=${protocol} does not use SASL; set security.protocol=SASL_SSL (or SASL_PLAINTEXT)`);
  }
  const tlsNames = [...props.keys()].filter((k) => k.startsWith('ssl.') || k === 'enable.ssl.certificate.verification');
  if (!protocolUsesTls(protocol) && tlsNames.length > 0) {
    fail(`${tlsNames[0]} is set but security.protocol=${protocol} does not use TLS; set security.protocol=SSL (or SASL_SSL)`);
  }
  return {
    securityProtocol: protocol,
    ...(protocolUsesSasl(protocol) ? { sasl: saslCredentials(props, ctx.env, fail) } : {}),
    ...(protocolUsesTls(protocol) ? { tls: tlsSettings(props, ctx.cwd, fail) } : {}),
  };
}

function substituteEnv(name: string, value: string, env: CommandConfigContext['env'], fail: (m: string) => never): string {
  return value.replace(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, variable: string) => {
    const v = env[variable];
    if (v === undefined) fail(`${name} refers to \${env:${variable}}, which is not set`);
    return v!;
  });
}

function saslCredentials(props: Map<string, string>, env: CommandConfigContext['env'], fail: (m: string) => never): SaslCredentials {
  const single = props.get('sasl.mechanism')?.toUpperCase();
  const plural = props.get('sasl.mechanisms')?.toUpperCase();
  if (single && plural && single !== plural) fail(`sasl.mechanism=${single} and sasl.mechanisms=${plural} disagree; keep one`);

  let jaasUser: string | undefined;
  let jaasPassword: string | undefined;
  let jaasMechanism: SaslMechanism | undefined;
  const jaasText = props.get('sasl.jaas.config');
  if (jaasText !== undefined) {
    let jaas;
    try {
      jaas = parseJaasConfig(jaasText);
    } catch (err) {
      if (err instanceof JaasSyntaxError) fail(`sasl.jaas.config ${err.message}`);
      throw err;
    }
    const module = jaas!.loginModule.split('.').pop();
    if (module === 'PlainLoginModule') jaasMechanism = 'PLAIN';
    else if (module !== 'ScramLoginModule') fail(`sasl.jaas.config uses ${jaas!.loginModule}; only PlainLoginModule and ScramLoginModule are supported`);
    jaasUser = jaas!.options.get('username');
    jaasPassword = jaas!.options.get('password');
  }

  const mechanismText = single ?? plural ?? jaasMechanism;
  if (!mechanismText) fail(`security.protocol uses SASL but no sasl.mechanism is set; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512`);
  if (!(SASL_MECHANISMS as readonly string[]).includes(mechanismText!)) {
    fail(`sasl.mechanism=${mechanismText} is not supported; use PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512`);
  }
  const mechanism = mechanismText as SaslMechanism;
  if (jaasMechanism === 'PLAIN' && mechanism !== 'PLAIN') fail(`sasl.jaas.config uses PlainLoginModule but sasl.mechanism=${mechanism}; use ScramLoginModule`);
  if (jaasText !== undefined && jaasMechanism === undefined && mechanism === 'PLAIN') {
    fail('sasl.jaas.config uses ScramLoginModule but sasl.mechanism=PLAIN; use PlainLoginModule');
  }

  const fileUser = props.get('sasl.username');
  const filePassword = props.get('sasl.password');
  if (jaasUser !== undefined && fileUser !== undefined && jaasUser !== fileUser) fail('sasl.username and the username in sasl.jaas.config disagree; keep one');
  if (jaasPassword !== undefined && filePassword !== undefined && jaasPassword !== filePassword) {
    fail('sasl.password and the password in sasl.jaas.config disagree; keep one');
  }
  const username = fileUser ?? jaasUser;
  if (!username) fail('no SASL user name: set sasl.username, or username="…" in sasl.jaas.config');
  const password = filePassword ?? jaasPassword ?? env[PASSWORD_ENV];
  if (password === undefined) fail(`no SASL password for user ${username}: set sasl.password (e.g. \${env:NAME}) or $${PASSWORD_ENV}`);
  return { mechanism, username: username!, password: password! };
}

function tlsSettings(props: Map<string, string>, cwd: string, fail: (m: string) => never): TlsClientSettings {
  const read = (name: string): string => {
    const path = resolve(cwd, props.get(name)!);
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      return fail(`${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  };
  const oneOf = (...names: string[]) => {
    const given = names.filter((n) => props.has(n));
    if (given.length > 1) fail(`${given[0]} and ${given[1]} both name what to trust or present; keep one`);
    return given[0];
  };

  for (const typeName of ['ssl.truststore.type', 'ssl.keystore.type']) {
    const type = props.get(typeName)?.toUpperCase();
    if (type !== undefined && type !== 'PEM') {
      fail(`${typeName}=${type} is not supported; use PEM files (e.g. keytool -exportcert -rfc, or openssl pkcs12 -nodes)`);
    }
  }
  const caSource = oneOf('ssl.truststore.location', 'ssl.truststore.certificates', 'ssl.ca.location', 'ssl.ca.pem');
  const ca = caSource === undefined ? undefined : caSource.endsWith('location') ? read(caSource) : props.get(caSource)!;

  const certSource = oneOf('ssl.keystore.location', 'ssl.keystore.certificate.chain', 'ssl.certificate.location', 'ssl.certificate.pem');
  let cert: string | undefined;
  let key: string | undefined;
  if (certSource === 'ssl.keystore.location') {
    const pem = read(certSource);
    key = pemBlocks(pem, /PRIVATE KEY/).join('\n') || fail(`ssl.keystore.location ${props.get(certSource)} holds no PEM private key`);
    cert = pemBlocks(pem, /CERTIFICATE/).join('\n') || fail(`ssl.keystore.location ${props.get(certSource)} holds no PEM certificate`);
  } else if (certSource !== undefined) {
    cert = certSource.endsWith('location') ? read(certSource) : props.get(certSource)!;
    const keySource = oneOf('ssl.keystore.key', 'ssl.key.location', 'ssl.key.pem');
    if (!keySource) fail(`${certSource} is set but no private key: set ${certSource.startsWith('ssl.keystore') ? 'ssl.keystore.key' : 'ssl.key.location'}`);
    key = keySource!.endsWith('location') ? read(keySource!) : props.get(keySource!)!;
  } else {
    const stray = ['ssl.keystore.key', 'ssl.key.location', 'ssl.key.pem'].find((n) => props.has(n));
    if (stray) fail(`${stray} is set but no client certificate goes with it: set ssl.certificate.location (or ssl.keystore.certificate.chain)`);
  }

  const algorithm = (props.get('ssl.endpoint.identification.algorithm') ?? 'https').toLowerCase();
  if (algorithm !== 'https' && algorithm !== '' && algorithm !== 'none') {
    fail(`ssl.endpoint.identification.algorithm=${algorithm} is not supported; use https, or leave it empty to skip the host name check`);
  }
  const verification = (props.get('enable.ssl.certificate.verification') ?? 'true').toLowerCase();
  if (verification !== 'true' && verification !== 'false') fail(`enable.ssl.certificate.verification must be true or false, got ${verification}`);
  const keyPassword = props.get('ssl.key.password');
  return {
    ...(ca !== undefined ? { ca } : {}),
    ...(cert !== undefined ? { cert } : {}),
    ...(key !== undefined ? { key } : {}),
    ...(keyPassword !== undefined ? { keyPassword } : {}),
    verifyHostname: algorithm === 'https',
    verifyCertificate: verification === 'true',
  };
}

function pemBlocks(text: string, label: RegExp): string[] {
  return (text.match(/-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g) ?? []).filter((b) => label.test(b.split('\n')[0]));
}
