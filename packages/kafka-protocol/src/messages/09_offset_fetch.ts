import { message, type MessageData, type MessageInput } from '../schema/index.js';

// OffsetFetch (key 9), versions 0–7; v6 and v7 are flexible. One group per request (the
// multi-group form starts at v8). topics null (v2+) asks for every committed partition; v7 adds
// requireStable (wait out pending transactional commits).

export const OffsetFetchRequestSchema = message({
  name: 'OffsetFetchRequest',
  apiKey: 9,
  type: 'request',
  validVersions: '0-7',
  flexibleVersions: '6+',
  fields: [
    { name: 'groupId', type: 'string', versions: '0-7' },
    {
      name: 'topics', type: '[]OffsetFetchRequestTopic', versions: '0-7', nullableVersions: '2-7', fields: [
        { name: 'name', type: 'string', versions: '0-7' },
        { name: 'partitionIndexes', type: '[]int32', versions: '0-7' },
      ],
    },
    { name: 'requireStable', type: 'bool', versions: '7+', default: false },
  ],
});

export const OffsetFetchResponseSchema = message({
  name: 'OffsetFetchResponse',
  apiKey: 9,
  type: 'response',
  validVersions: '0-7',
  flexibleVersions: '6+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '3+' },
    {
      name: 'topics', type: '[]OffsetFetchResponseTopic', versions: '0-7', fields: [
        { name: 'name', type: 'string', versions: '0-7' },
        {
          name: 'partitions', type: '[]OffsetFetchResponsePartition', versions: '0-7', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0-7' },
            { name: 'committedOffset', type: 'int64', versions: '0-7' },
            { name: 'committedLeaderEpoch', type: 'int32', versions: '5-7', default: -1 },
            { name: 'metadata', type: 'string', versions: '0-7', nullableVersions: '0-7' },
            { name: 'errorCode', type: 'int16', versions: '0-7' },
          ],
        },
      ],
    },
    { name: 'errorCode', type: 'int16', versions: '2-7', default: 0 },
  ],
});

export type OffsetFetchRequest = MessageData<typeof OffsetFetchRequestSchema>;
export type OffsetFetchResponse = MessageData<typeof OffsetFetchResponseSchema>;
export type OffsetFetchResponseInput = MessageInput<typeof OffsetFetchResponseSchema>;
