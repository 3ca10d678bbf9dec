import { message, type MessageData, type MessageInput } from '../schema/index.js';

// Heartbeat (key 12), versions 0–3. v3 adds the static member's groupInstanceId.

export const HeartbeatRequestSchema = message({
  name: 'HeartbeatRequest',
  apiKey: 12,
  type: 'request',
  validVersions: '0-3',
  flexibleVersions: '4+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    { name: 'generationId', type: 'int32', versions: '0+' },
    { name: 'memberId', type: 'string', versions: '0+' },
    { name: 'groupInstanceId', type: 'string', versions: '3+', nullableVersions: '3+', default: null },
  ],
});

export const HeartbeatResponseSchema = message({
  name: 'HeartbeatResponse',
  apiKey: 12,
  type: 'response',
  validVersions: '0-3',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
  ],
});

export type HeartbeatRequest = MessageData<typeof HeartbeatRequestSchema>;
export type HeartbeatResponse = MessageData<typeof HeartbeatResponseSchema>;
export type HeartbeatResponseInput = MessageInput<typeof HeartbeatResponseSchema>;
