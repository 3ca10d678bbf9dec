import { protocolUsesSasl, protocolUsesTls, type KafkaConnectionSettings } from './connection-config.js';

interface ErrorShape {
  name?: string;
  message?: string;
  type?: string;
  code?: string;
  broker?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
}

function chain(err: unknown): ErrorShape[] {
  const out: ErrorShape[] = [];
  const queue: unknown[] = [err];
  while (queue.length > 0 && out.length < 20) {
    const e = queue.shift();
    if (typeof e !== 'object' || e === null || out.includes(e as ErrorShape)) continue;
    out.push(e as ErrorShape);
    const s = e as ErrorShape;
    queue.push(s.cause, s.originalError, ...(Array.isArray(s.errors) ? s.errors : []));
  }
  return out;
}

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
]);

/**
 * One line for a failure caused by security settings: wrong credentials, an untrusted or misnamed
 * certificate, a TLS/plaintext or SASL mismatch with the broker's listener. Undefined for anything
 * else. Names users, mechanisms and hosts, never a password.
 */
export function explainSecurityFailure(err: unknown, settings: KafkaConnectionSettings): string | undefined {
  const errors = chain(err);
  const where = errors.find((e) => typeof e.broker === 'string')?.broker;
  const at = where ? ` at ${where}` : '';
  const sasl = settings.sasl;
  if (errors.some((e) => e.name === 'KafkaJSSASLAuthenticationError' || e.type === 'SASL_AUTHENTICATION_FAILED')) {
    return sasl
      ? `authentication failed for user ${sasl.username} (SASL/${sasl.mechanism})${at}: check the user name and password`
      : `the broker${at} refused the connection's authentication`;
  }
  if (errors.some((e) => e.type === 'UNSUPPORTED_SASL_MECHANISM')) {
    return `the broker${at} does not offer SASL/${sasl?.mechanism}: set sasl.mechanism to one it offers`;
  }
  if (errors.some((e) => e.type === 'ILLEGAL_SASL_STATE')) {
    return `the broker's listener${at} does not use SASL: set security.protocol=${protocolUsesTls(settings.securityProtocol) ? 'SSL' : 'PLAINTEXT'}`;
  }
  const altname = errors.find((e) => e.code === 'ERR_TLS_CERT_ALTNAME_INVALID');
  if (altname) return (altname.message ?? '').replace(/^Connection error: /, '');
  const untrusted = errors.find((e) => e.code !== undefined && UNTRUSTED.has(e.code));
  if (untrusted) {
    const why = (untrusted.message ?? untrusted.code ?? '').replace(/^Connection error: /, '');
    return `TLS: the certificate of the broker${at} is not trusted (${why}); point ssl.truststore.location (or ssl.ca.location) at the CA that signed it`;
  }
  const expired = errors.find((e) => e.code === 'CERT_HAS_EXPIRED');
  if (expired) return `TLS: the certificate of the broker${at} has expired`;
  const closed = errors.some(
    (e) =>
      e.name === 'KafkaJSConnectionClosedError' ||
      e.code === 'ECONNRESET' ||
      /socket disconnected before secure TLS connection|Closed connection/i.test(e.message ?? ''),
  );
  if (!closed) return undefined;
  if (protocolUsesTls(settings.securityProtocol)) {
    return `the broker${at} closed the connection during the TLS handshake: is that listener plaintext? Then set security.protocol=${protocolUsesSasl(settings.securityProtocol) ? 'SASL_PLAINTEXT' : 'PLAINTEXT'}`;
  }
  return `the broker${at} closed the connection: if its listener uses TLS or SASL, pass --command-config with security.protocol=SSL, SASL_SSL or SASL_PLAINTEXT`;
}
