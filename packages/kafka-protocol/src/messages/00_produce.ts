import { message, type MessageData, type MessageInput } from '../schema/index.js';

// Produce (key 0), versions 0–7. v3 adds transactionalId and record batch v2; v7 allows zstd.
// `records` stays opaque bytes: the codec never parses batches. A request with acks=0 gets no
// response at all.

export const ProduceRequestSchema = message({
  name: 'ProduceRequest',
  apiKey: 0,
  type: 'request',
  validVersions: '0-7',
  flexibleVersions: '9+',
  fields: [
    { name: 'transactionalId', type: 'string', versions: '3+', nullableVersions: '3+', default: null },
    { name: 'acks', type: 'int16', versions: '0+' },
    { name: 'timeoutMs', type: 'int32', versions: '0+' },
    {
      name: 'topicData', type: '[]TopicProduceData', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'partitionData', type: '[]PartitionProduceData', versions: '0+', fields: [
            { name: 'index', type: 'int32', versions: '0+' },
            { name: 'records', type: 'records', versions: '0+', nullableVersions: '0+' },
          ],
        },
      ],
    },
  ],
});

export const ProduceResponseSchema = message({
  name: 'ProduceResponse',
  apiKey: 0,
  type: 'response',
  validVersions: '0-7',
  flexibleVersions: '9+',
  fields: [
    {
      name: 'responses', type: '[]TopicProduceResponse', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'partitionResponses', type: '[]PartitionProduceResponse', versions: '0+', fields: [
            { name: 'index', type: 'int32', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
            { name: 'baseOffset', type: 'int64', versions: '0+' },
            { name: 'logAppendTimeMs', type: 'int64', versions: '2+', default: -1n },
            { name: 'logStartOffset', type: 'int64', versions: '5+', default: -1n },
          ],
        },
      ],
    },
    { name: 'throttleTimeMs', type: 'int32', versions: '1+', default: 0 },
  ],
});

export type ProduceRequest = MessageData<typeof ProduceRequestSchema>;
export type ProduceResponse = MessageData<typeof ProduceResponseSchema>;
export type ProduceResponseInput = MessageInput<typeof ProduceResponseSchema>;
