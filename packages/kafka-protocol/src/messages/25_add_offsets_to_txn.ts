import { message, type MessageData, type MessageInput } from '../schema/index.js';

// AddOffsetsToTxn (key 25), versions 0–1: adds a consumer group's offsets to a transaction.

export const AddOffsetsToTxnRequestSchema = message({
  name: 'AddOffsetsToTxnRequest',
  apiKey: 25,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '3+',
  fields: [
    { name: 'transactionalId', type: 'string', versions: '0+' },
    { name: 'producerId', type: 'int64', versions: '0+' },
    { name: 'producerEpoch', type: 'int16', versions: '0+' },
    { name: 'groupId', type: 'string', versions: '0+' },
  ],
});

export const AddOffsetsToTxnResponseSchema = message({
  name: 'AddOffsetsToTxnResponse',
  apiKey: 25,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '3+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
  ],
});

export type AddOffsetsToTxnRequest = MessageData<typeof AddOffsetsToTxnRequestSchema>;
export type AddOffsetsToTxnResponse = MessageData<typeof AddOffsetsToTxnResponseSchema>;
export type AddOffsetsToTxnResponseInput = MessageInput<typeof AddOffsetsToTxnResponseSchema>;
