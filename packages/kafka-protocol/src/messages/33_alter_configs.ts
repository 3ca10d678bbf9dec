import { message, type MessageData, type MessageInput } from '../schema/index.js';

// AlterConfigs (key 33), versions 0–1: replaces a resource's whole configuration (keys left out
// return to their defaults).

export const AlterConfigsRequestSchema = message({
  name: 'AlterConfigsRequest',
  apiKey: 33,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    {
      name: 'resources', type: '[]AlterConfigsResource', versions: '0+', fields: [
        { name: 'resourceType', type: 'int8', versions: '0+' },
        { name: 'resourceName', type: 'string', versions: '0+' },
        {
          name: 'configs', type: '[]AlterableConfig', versions: '0+', fields: [
            { name: 'name', type: 'string', versions: '0+' },
            { name: 'value', type: 'string', versions: '0+', nullableVersions: '0+' },
          ],
        },
      ],
    },
    { name: 'validateOnly', type: 'bool', versions: '0+' },
  ],
});

export const AlterConfigsResponseSchema = message({
  name: 'AlterConfigsResponse',
  apiKey: 33,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    {
      name: 'responses', type: '[]AlterConfigsResourceResponse', versions: '0+', fields: [
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'errorMessage', type: 'string', versions: '0+', nullableVersions: '0+' },
        { name: 'resourceType', type: 'int8', versions: '0+' },
        { name: 'resourceName', type: 'string', versions: '0+' },
      ],
    },
  ],
});

export type AlterConfigsRequest = MessageData<typeof AlterConfigsRequestSchema>;
export type AlterConfigsResponse = MessageData<typeof AlterConfigsResponseSchema>;
export type AlterConfigsResponseInput = MessageInput<typeof AlterConfigsResponseSchema>;
