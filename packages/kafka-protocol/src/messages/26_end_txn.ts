import { message, type MessageData, type MessageInput } from '../schema/index.js';

// EndTxn (key 26), versions 0–1: commit (committed = true) or abort a transaction.

export const EndTxnRequestSchema = message({
  name: 'EndTxnRequest',
  apiKey: 26,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '3+',
  fields: [
    { name: 'transactionalId', type: 'string', versions: '0+' },
    { name: 'producerId', type: 'int64', versions: '0+' },
    { name: 'producerEpoch', type: 'int16', versions: '0+' },
    { name: 'committed', type: 'bool', versions: '0+' },
  ],
});

export const EndTxnResponseSchema = message({
  name: 'EndTxnResponse',
  apiKey: 26,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '3+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
  ],
});

export type EndTxnRequest = MessageData<typeof EndTxnRequestSchema>;
export type EndTxnResponse = MessageData<typeof EndTxnResponseSchema>;
export type EndTxnResponseInput = MessageInput<typeof EndTxnResponseSchema>;
