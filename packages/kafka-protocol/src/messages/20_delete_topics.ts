import { message, type MessageData, type MessageInput } from '../schema/index.js';

// DeleteTopics (key 20), versions 0–3: topics by name.

export const DeleteTopicsRequestSchema = message({
  name: 'DeleteTopicsRequest',
  apiKey: 20,
  type: 'request',
  validVersions: '0-3',
  flexibleVersions: '4+',
  fields: [
    { name: 'topicNames', type: '[]string', versions: '0-5' },
    { name: 'timeoutMs', type: 'int32', versions: '0+' },
  ],
});

export const DeleteTopicsResponseSchema = message({
  name: 'DeleteTopicsResponse',
  apiKey: 20,
  type: 'response',
  validVersions: '0-3',
  flexibleVersions: '4+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    {
      name: 'responses', type: '[]DeletableTopicResult', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'errorCode', type: 'int16', versions: '0+' },
      ],
    },
  ],
});

export type DeleteTopicsRequest = MessageData<typeof DeleteTopicsRequestSchema>;
export type DeleteTopicsResponse = MessageData<typeof DeleteTopicsResponseSchema>;
export type DeleteTopicsResponseInput = MessageInput<typeof DeleteTopicsResponseSchema>;
