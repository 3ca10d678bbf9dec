import { message, type MessageData, type MessageInput } from '../schema/index.js';

// DeleteRecords (key 21), versions 0–1: moves each partition's log start offset up to `offset`
// (-1 = the high watermark).

export const DeleteRecordsRequestSchema = message({
  name: 'DeleteRecordsRequest',
  apiKey: 21,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    {
      name: 'topics', type: '[]DeleteRecordsTopic', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'partitions', type: '[]DeleteRecordsPartition', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'offset', type: 'int64', versions: '0+' },
          ],
        },
      ],
    },
    { name: 'timeoutMs', type: 'int32', versions: '0+' },
  ],
});

export const DeleteRecordsResponseSchema = message({
  name: 'DeleteRecordsResponse',
  apiKey: 21,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    {
      name: 'topics', type: '[]DeleteRecordsTopicResult', versions: '0+', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'partitions', type: '[]DeleteRecordsPartitionResult', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'lowWatermark', type: 'int64', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
          ],
        },
      ],
    },
  ],
});

export type DeleteRecordsRequest = MessageData<typeof DeleteRecordsRequestSchema>;
export type DeleteRecordsResponse = MessageData<typeof DeleteRecordsResponseSchema>;
export type DeleteRecordsResponseInput = MessageInput<typeof DeleteRecordsResponseSchema>;
