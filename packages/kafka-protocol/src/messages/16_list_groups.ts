import { message, type MessageData, type MessageInput } from '../schema/index.js';

// ListGroups (key 16), versions 0–2. The request has no fields before v4's state filter.

export const ListGroupsRequestSchema = message({
  name: 'ListGroupsRequest',
  apiKey: 16,
  type: 'request',
  validVersions: '0-2',
  flexibleVersions: '3+',
  fields: [],
});

export const ListGroupsResponseSchema = message({
  name: 'ListGroupsResponse',
  apiKey: 16,
  type: 'response',
  validVersions: '0-2',
  flexibleVersions: '3+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '0+' },
    {
      name: 'groups', type: '[]ListedGroup', versions: '0+', fields: [
        { name: 'groupId', type: 'string', versions: '0+' },
        { name: 'protocolType', type: 'string', versions: '0+' },
      ],
    },
  ],
});

export type ListGroupsRequest = MessageData<typeof ListGroupsRequestSchema>;
export type ListGroupsResponse = MessageData<typeof ListGroupsResponseSchema>;
export type ListGroupsResponseInput = MessageInput<typeof ListGroupsResponseSchema>;
