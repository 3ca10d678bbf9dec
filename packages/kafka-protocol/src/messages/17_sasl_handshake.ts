import { message, type MessageData, type MessageInput } from '../schema/index.js';

// SaslHandshake (key 17), versions 0–1; never flexible. v0 is followed by raw SASL tokens, v1 by
// SaslAuthenticate requests.

export const SaslHandshakeRequestSchema = message({
  name: 'SaslHandshakeRequest',
  apiKey: 17,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: 'none',
  fields: [{ name: 'mechanism', type: 'string', versions: '0+' }],
});

export const SaslHandshakeResponseSchema = message({
  name: 'SaslHandshakeResponse',
  apiKey: 17,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: 'none',
  fields: [
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'mechanisms', type: '[]string', versions: '0+' },
  ],
});

export type SaslHandshakeRequest = MessageData<typeof SaslHandshakeRequestSchema>;
export type SaslHandshakeResponse = MessageData<typeof SaslHandshakeResponseSchema>;
export type SaslHandshakeResponseInput = MessageInput<typeof SaslHandshakeResponseSchema>;
