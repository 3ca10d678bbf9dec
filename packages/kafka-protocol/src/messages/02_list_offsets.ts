import { message, type MessageData, type MessageInput } from '../schema/index.js';

// ListOffsets (key 2), versions 0–3. v0 asks for up to maxNumOffsets offsets and gets
// oldStyleOffsets back; v1+ returns one timestamp/offset pair. Timestamp -1 = latest, -2 = earliest.
// v2 adds the isolation level.

export const ListOffsetsRequestSchema = message({
  name: 'ListOffsetsRequest',
  apiKey: 2,
  type: 'request',
  validVersions: '0-3',
  flexibleVersions: '6+',
  fields: [
    { name: 'replicaId', type: 'int32', versions: '0+' },
    { name: 'isolationLevel', type: 'int8', versions: '2+' },
    {
      name: 'topics', type: '[]ListOffsetsTopic', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'partitions', type: '[]ListOffsetsPartition', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'timestamp', type: 'int64', versions: '0+' },
            { name: 'maxNumOffsets', type: 'int32', versions: '0', default: 1 },
          ],
        },
      ],
    },
  ],
});

export const ListOffsetsResponseSchema = message({
  name: 'ListOffsetsResponse',
  apiKey: 2,
  type: 'response',
  validVersions: '0-3',
  flexibleVersions: '6+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '2+' },
    {
      name: 'topics', type: '[]ListOffsetsTopicResponse', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'partitions', type: '[]ListOffsetsPartitionResponse', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
            { name: 'oldStyleOffsets', type: '[]int64', versions: '0' },
            { name: 'timestamp', type: 'int64', versions: '1+', default: -1n },
            { name: 'offset', type: 'int64', versions: '1+', default: -1n },
          ],
        },
      ],
    },
  ],
});

export type ListOffsetsRequest = MessageData<typeof ListOffsetsRequestSchema>;
export type ListOffsetsResponse = MessageData<typeof ListOffsetsResponseSchema>;
export type ListOffsetsResponseInput = MessageInput<typeof ListOffsetsResponseSchema>;
