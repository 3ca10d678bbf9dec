import { message, type MessageData, type MessageInput } from '../schema/index.js';

// CreatePartitions (key 37), versions 0–1: grows a topic to `count` partitions; assignments null
// lets the broker place them.

export const CreatePartitionsRequestSchema = message({
  name: 'CreatePartitionsRequest',
  apiKey: 37,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    {
      name: 'topics', type: '[]CreatePartitionsTopic', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'count', type: 'int32', versions: '0+' },
        {
          name: 'assignments', type: '[]CreatePartitionsAssignment', versions: '0+', nullableVersions: '0+',
          fields: [{ name: 'brokerIds', type: '[]int32', versions: '0+' }],
        },
      ],
    },
    { name: 'timeoutMs', type: 'int32', versions: '0+' },
    { name: 'validateOnly', type: 'bool', versions: '0+' },
  ],
});

export const CreatePartitionsResponseSchema = message({
  name: 'CreatePartitionsResponse',
  apiKey: 37,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    {
      name: 'results', type: '[]CreatePartitionsTopicResult', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'errorMessage', type: 'string', versions: '0+', nullableVersions: '0+', default: null },
      ],
    },
  ],
});

export type CreatePartitionsRequest = MessageData<typeof CreatePartitionsRequestSchema>;
export type CreatePartitionsResponse = MessageData<typeof CreatePartitionsResponseSchema>;
export type CreatePartitionsResponseInput = MessageInput<typeof CreatePartitionsResponseSchema>;
