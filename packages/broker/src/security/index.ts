// TLS and SASL for the broker's listeners.
export { checkListeners, parseListener, usesSasl, usesTls, SECURITY_PROTOCOLS, type ListenerSpec, type SecurityProtocol } from './listener.js';
export { parseBrokerSecurity, splitSecurityPairs, type BrokerSecurity, type TlsServerSettings } from './security-config.js';
export { SaslSession, type SaslServerSettings } from './sasl-session.js';
export { AuthenticationFailure, SASL_MECHANISMS, type SaslMechanismName } from './sasl-mechanism.js';
export { CredentialStore, scramCredential } from './credentials.js';
