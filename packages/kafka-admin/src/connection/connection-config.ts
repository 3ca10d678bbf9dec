/** Kafka's `security.protocol` values. */
export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];

export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

export interface SaslCredentials {
  mechanism: SaslMechanism;
  username: string;
  password: string;
}

/** TLS as a client: PEM text (files already read), and which checks to make. */
export interface TlsClientSettings {
  /** CAs to trust instead of Node's bundled ones. */
  ca?: string;
  /** Client certificate chain and key, for brokers that require them. */
  cert?: string;
  key?: string;
  keyPassword?: string;
  /** ssl.endpoint.identification.algorithm=https (the default): the certificate must name the host. */
  verifyHostname: boolean;
  /** librdkafka's enable.ssl.certificate.verification. */
  verifyCertificate: boolean;
}

/**
 * How to reach a Kafka cluster: parsed once from `--command-config` (Kafka client properties) and
 * handed to every client the process makes. Plain data (strings and booleans), so it can be posted
 * to pipeline worker threads.
 */
export interface KafkaConnectionSettings {
  securityProtocol: SecurityProtocol;
  sasl?: SaslCredentials;
  tls?: TlsClientSettings;
}

export const PLAINTEXT_CONNECTION: KafkaConnectionSettings = { securityProtocol: 'PLAINTEXT' };

export const protocolUsesTls = (p: SecurityProtocol): boolean => p === 'SSL' || p === 'SASL_SSL';
export const protocolUsesSasl = (p: SecurityProtocol): boolean => p === 'SASL_PLAINTEXT' || p === 'SASL_SSL';

/** For logs and the UI: the protocol, mechanism and user, never a secret. */
export function describeConnection(c: KafkaConnectionSettings): string {
  return c.sasl ? `${c.securityProtocol}, SASL/${c.sasl.mechanism} as ${c.sasl.username}` : c.securityProtocol;
}
