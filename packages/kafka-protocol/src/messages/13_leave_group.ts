import { message, type MessageData, type MessageInput } from '../schema/index.js';

// LeaveGroup (key 13), versions 0–3. Up to v2 one member leaves (memberId); from v3 a batch of
// members, each answered with its own error code.

export const LeaveGroupRequestSchema = message({
  name: 'LeaveGroupRequest',
  apiKey: 13,
  type: 'request',
  validVersions: '0-3',
  flexibleVersions: '4+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    { name: 'memberId', type: 'string', versions: '0-2' },
    {
      name: 'members', type: '[]MemberIdentity', versions: '3+', fields: [
        { name: 'memberId', type: 'string', versions: '3+' },
        { name: 'groupInstanceId', type: 'string', versions: '3+', nullableVersions: '3+', default: null },
      ],
    },
  ],
});

export const LeaveGroupResponseSchema = message({
  name: 'LeaveGroupResponse',
  apiKey: 13,
  type: 'response',
  validVersions: '0-3',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    {
      name: 'members', type: '[]MemberResponse', versions: '3+', fields: [
        { name: 'memberId', type: 'string', versions: '3+' },
        { name: 'groupInstanceId', type: 'string', versions: '3+', nullableVersions: '3+' },
        { name: 'errorCode', type: 'int16', versions: '3+' },
      ],
    },
  ],
});

export type LeaveGroupRequest = MessageData<typeof LeaveGroupRequestSchema>;
export type LeaveGroupResponse = MessageData<typeof LeaveGroupResponseSchema>;
export type LeaveGroupResponseInput = MessageInput<typeof LeaveGroupResponseSchema>;
