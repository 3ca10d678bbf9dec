import { message, type MessageData, type MessageInput } from '../schema/index.js';

// SyncGroup (key 14), versions 0–3. The leader sends every member's assignment; each member gets
// its own back. v3 adds groupInstanceId. Assignments stay opaque bytes.

export const SyncGroupRequestSchema = message({
  name: 'SyncGroupRequest',
  apiKey: 14,
  type: 'request',
  validVersions: '0-3',
  flexibleVersions: '4+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    { name: 'generationId', type: 'int32', versions: '0+' },
    { name: 'memberId', type: 'string', versions: '0+' },
    { name: 'groupInstanceId', type: 'string', versions: '3+', nullableVersions: '3+', default: null },
    {
      name: 'assignments', type: '[]SyncGroupRequestAssignment', versions: '0+', fields: [
        { name: 'memberId', type: 'string', versions: '0+' },
        { name: 'assignment', type: 'bytes', versions: '0+' },
      ],
    },
  ],
});

export const SyncGroupResponseSchema = message({
  name: 'SyncGroupResponse',
  apiKey: 14,
  type: 'response',
  validVersions: '0-3',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'assignment', type: 'bytes', versions: '0+' },
  ],
});

export type SyncGroupRequest = MessageData<typeof SyncGroupRequestSchema>;
export type SyncGroupResponse = MessageData<typeof SyncGroupResponseSchema>;
export type SyncGroupResponseInput = MessageInput<typeof SyncGroupResponseSchema>;
