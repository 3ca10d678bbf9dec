// How Sluice reaches a secured Kafka cluster: Kafka client properties parsed once into typed
// settings, turned into kafkajs options, and failures explained in one line.
export {
  describeConnection,
  PLAINTEXT_CONNECTION,
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
export { CommandConfigError, loadCommandConfig, parseClientProperties, PASSWORD_ENV, type CommandConfigContext } from './client-properties.js';
export { kafkaJsSecurity } from './kafkajs-options.js';
export { explainSecurityFailure } from './connection-errors.js';
