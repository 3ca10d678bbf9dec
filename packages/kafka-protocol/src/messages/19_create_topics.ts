import { message, type MessageData, type MessageInput } from '../schema/index.js';

// CreateTopics (key 19), versions 0–4. numPartitions / replicationFactor -1 mean "broker default"
// (v4+). v1 adds validateOnly and per-topic error messages.

export const CreateTopicsRequestSchema = message({
  name: 'CreateTopicsRequest',
  apiKey: 19,
  type: 'request',
  validVersions: '0-4',
  flexibleVersions: '5+',
  fields: [
    {
      name: 'topics', type: '[]CreatableTopic', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'numPartitions', type: 'int32', versions: '0+' },
        { name: 'replicationFactor', type: 'int16', versions: '0+' },
        {
          name: 'assignments', type: '[]CreatableReplicaAssignment', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'brokerIds', type: '[]int32', versions: '0+' },
          ],
        },
        {
          name: 'configs', type: '[]CreatableTopicConfig', versions: '0+', fields: [
            { name: 'name', type: 'string', versions: '0+' },
            { name: 'value', type: 'string', versions: '0+', nullableVersions: '0+' },
          ],
        },
      ],
    },
    { name: 'timeoutMs', type: 'int32', versions: '0+', default: 60000 },
    { name: 'validateOnly', type: 'bool', versions: '1+', default: false },
  ],
});

export const CreateTopicsResponseSchema = message({
  name: 'CreateTopicsResponse',
  apiKey: 19,
  type: 'response',
  validVersions: '0-4',
  flexibleVersions: '5+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '2+' },
    {
      name: 'topics', type: '[]CreatableTopicResult', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'errorMessage', type: 'string', versions: '1+', nullableVersions: '0+' },
      ],
    },
  ],
});

export type CreateTopicsRequest = MessageData<typeof CreateTopicsRequestSchema>;
export type CreateTopicsResponse = MessageData<typeof CreateTopicsResponseSchema>;
export type CreateTopicsResponseInput = MessageInput<typeof CreateTopicsResponseSchema>;
