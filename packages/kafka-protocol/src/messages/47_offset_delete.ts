import { message, type MessageData, type MessageInput } from '../schema/index.js';

// OffsetDelete (key 47), version 0 only; never flexible. Deletes committed offsets of partitions
// the group no longer consumes.

export const OffsetDeleteRequestSchema = message({
  name: 'OffsetDeleteRequest',
  apiKey: 47,
  type: 'request',
  validVersions: '0',
  flexibleVersions: 'none',
  fields: [
    { name: 'groupId', type: 'string', versions: '0+' },
    {
      name: 'topics', type: '[]OffsetDeleteRequestTopic', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'partitions', type: '[]OffsetDeleteRequestPartition', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
          ],
        },
      ],
    },
  ],
});

export const OffsetDeleteResponseSchema = message({
  name: 'OffsetDeleteResponse',
  apiKey: 47,
  type: 'response',
  validVersions: '0',
  flexibleVersions: 'none',
  fields: [
    { name: 'errorCode', type: 'int16', versions: '0+' },
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    {
      name: 'topics', type: '[]OffsetDeleteResponseTopic', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'partitions', type: '[]OffsetDeleteResponsePartition', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
          ],
        },
      ],
    },
  ],
});

export type OffsetDeleteRequest = MessageData<typeof OffsetDeleteRequestSchema>;
export type OffsetDeleteResponse = MessageData<typeof OffsetDeleteResponseSchema>;
export type OffsetDeleteResponseInput = MessageInput<typeof OffsetDeleteResponseSchema>;
