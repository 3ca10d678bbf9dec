import { message, type MessageData, type MessageInput } from '../schema/index.js';

// FindCoordinator (key 10), versions 0–2. keyType 0 = consumer group, 1 = transactional id (v1+).

export const FindCoordinatorRequestSchema = message({
  name: 'FindCoordinatorRequest',
  apiKey: 10,
  type: 'request',
  validVersions: '0-2',
  flexibleVersions: '3+',
  fields: [
    { name: 'key', type: 'string', versions: '0-3' },
    { name: 'keyType', type: 'int8', versions: '1+', default: 0 },
  ],
});

export const FindCoordinatorResponseSchema = message({
  name: 'FindCoordinatorResponse',
  apiKey: 10,
  type: 'response',
  validVersions: '0-2',
  flexibleVersions: '3+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0-3' },
    { name: 'errorMessage', type: 'string', versions: '1-3', nullableVersions: '1-3' },
    { name: 'nodeId', type: 'int32', versions: '0-3' },
    { name: 'host', type: 'string', versions: '0-3' },
    { name: 'port', type: 'int32', versions: '0-3' },
  ],
});

export type FindCoordinatorRequest = MessageData<typeof FindCoordinatorRequestSchema>;
export type FindCoordinatorResponse = MessageData<typeof FindCoordinatorResponseSchema>;
export type FindCoordinatorResponseInput = MessageInput<typeof FindCoordinatorResponseSchema>;
