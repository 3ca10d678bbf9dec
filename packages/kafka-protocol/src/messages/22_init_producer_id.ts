import { message, type MessageData, type MessageInput } from '../schema/index.js';

// InitProducerId (key 22), versions 0–4; flexible from v2. transactionalId null asks for an
// idempotent producer id; v3 lets a producer pass its current id/epoch to bump the epoch.

export const InitProducerIdRequestSchema = message({
  name: 'InitProducerIdRequest',
  apiKey: 22,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '2+',
  fields: [
    { name: 'transactionalId', type: 'string', versions: '0+', nullableVersions: '0+' },
    { name: 'transactionTimeoutMs', type: 'int32', versions: '0+' },
    { name: 'producerId', type: 'int64', versions: '3+', default: -1n },
    { name: 'producerEpoch', type: 'int16', versions: '3+', default: -1 },
  ],
});

export const InitProducerIdResponseSchema = message({
  name: 'InitProducerIdResponse',
  apiKey: 22,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'producerId', type: 'int64', versions: '0+', default: -1n },
    { name: 'producerEpoch', type: 'int16', versions: '0+' },
  ],
});

export type InitProducerIdRequest = MessageData<typeof InitProducerIdRequestSchema>;
export type InitProducerIdResponse = MessageData<typeof InitProducerIdResponseSchema>;
export type InitProducerIdResponseInput = MessageInput<typeof InitProducerIdResponseSchema>;
