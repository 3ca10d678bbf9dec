import { message, type MessageData, type MessageInput } from '../schema/index.js';

// DeleteGroups (key 42), versions 0–1: deletes empty consumer groups and their offsets. Kafka's
// schema spells the request field `GroupsNames`.

export const DeleteGroupsRequestSchema = message({
  name: 'DeleteGroupsRequest',
  apiKey: 42,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [{ name: 'groupsNames', type: '[]string', versions: '0+' }],
});

export const DeleteGroupsResponseSchema = message({
  name: 'DeleteGroupsResponse',
  apiKey: 42,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    {
      name: 'results', type: '[]DeletableGroupResult', versions: '0+', fields: [
        { name: 'groupId', type: 'string', versions: '0+' },
        { name: 'errorCode', type: 'int16', versions: '0+' },
      ],
    },
  ],
});

export type DeleteGroupsRequest = MessageData<typeof DeleteGroupsRequestSchema>;
export type DeleteGroupsResponse = MessageData<typeof DeleteGroupsResponseSchema>;
export type DeleteGroupsResponseInput = MessageInput<typeof DeleteGroupsResponseSchema>;
