import { message, type MessageData, type MessageInput } from '../schema/index.js';

// SaslAuthenticate (key 36), versions 0–1: SASL tokens in Kafka frames. v1 adds the session
// lifetime (0 = no re-authentication required).

export const SaslAuthenticateRequestSchema = message({
  name: 'SaslAuthenticateRequest',
  apiKey: 36,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [{ name: 'authBytes', type: 'bytes', versions: '0+' }],
});

export const SaslAuthenticateResponseSchema = message({
  name: 'SaslAuthenticateResponse',
  apiKey: 36,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'errorMessage', type: 'string', versions: '0+', nullableVersions: '0+' },
    { name: 'authBytes', type: 'bytes', versions: '0+' },
    { name: 'sessionLifetimeMs', type: 'int64', versions: '1+', default: 0n },
  ],
});

export type SaslAuthenticateRequest = MessageData<typeof SaslAuthenticateRequestSchema>;
export type SaslAuthenticateResponse = MessageData<typeof SaslAuthenticateResponseSchema>;
export type SaslAuthenticateResponseInput = MessageInput<typeof SaslAuthenticateResponseSchema>;
