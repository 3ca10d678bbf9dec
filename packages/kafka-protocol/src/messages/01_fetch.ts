import { message, type MessageData, type MessageInput } from '../schema/index.js';

// Fetch (key 1), versions 0–11. v4 adds isolation level, last stable offset and aborted
// transactions; v7 fetch sessions (the broker answers sessionId 0: full fetches only); v11 rackId
// and preferredReadReplica. Response `records` may be a list of stored batches, written back to back.

export const FetchRequestSchema = message({
  name: 'FetchRequest',
  apiKey: 1,
  type: 'request',
  validVersions: '0-11',
  flexibleVersions: '12+',
  fields: [
    { name: 'replicaId', type: 'int32', versions: '0-14', default: -1 },
    { name: 'maxWaitMs', type: 'int32', versions: '0+' },
    { name: 'minBytes', type: 'int32', versions: '0+' },
    { name: 'maxBytes', type: 'int32', versions: '3+', default: 0x7fffffff },
    { name: 'isolationLevel', type: 'int8', versions: '4+', default: 0 },
    { name: 'sessionId', type: 'int32', versions: '7+', default: 0 },
    { name: 'sessionEpoch', type: 'int32', versions: '7+', default: -1 },
    {
      name: 'topics', type: '[]FetchTopic', versions: '0+', fields: [
        { name: 'topic', type: 'string', versions: '0-12' },
        {
          name: 'partitions', type: '[]FetchPartition', versions: '0+', fields: [
            { name: 'partition', type: 'int32', versions: '0+' },
            { name: 'currentLeaderEpoch', type: 'int32', versions: '9+', default: -1 },
            { name: 'fetchOffset', type: 'int64', versions: '0+' },
            { name: 'logStartOffset', type: 'int64', versions: '5+', default: -1n },
            { name: 'partitionMaxBytes', type: 'int32', versions: '0+' },
          ],
        },
      ],
    },
    {
      name: 'forgottenTopicsData', type: '[]ForgottenTopic', versions: '7+', fields: [
        { name: 'topic', type: 'string', versions: '7-12' },
        { name: 'partitions', type: '[]int32', versions: '7+' },
      ],
    },
    { name: 'rackId', type: 'string', versions: '11+', default: '' },
  ],
});

export const FetchResponseSchema = message({
  name: 'FetchResponse',
  apiKey: 1,
  type: 'response',
  validVersions: '0-11',
  flexibleVersions: '12+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '1+' },
    { name: 'errorCode', type: 'int16', versions: '7+' },
    { name: 'sessionId', type: 'int32', versions: '7+', default: 0 },
    {
      name: 'responses', type: '[]FetchableTopicResponse', versions: '0+', fields: [
        { name: 'topic', type: 'string', versions: '0-12' },
        {
          name: 'partitions', type: '[]PartitionData', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'errorCode', type: 'int16', versions: '0+' },
            { name: 'highWatermark', type: 'int64', versions: '0+' },
            { name: 'lastStableOffset', type: 'int64', versions: '4+', default: -1n },
            { name: 'logStartOffset', type: 'int64', versions: '5+', default: -1n },
            {
              name: 'abortedTransactions', type: '[]AbortedTransaction', versions: '4+', nullableVersions: '4+',
              fields: [
                { name: 'producerId', type: 'int64', versions: '4+' },
                { name: 'firstOffset', type: 'int64', versions: '4+' },
              ],
            },
            { name: 'preferredReadReplica', type: 'int32', versions: '11+', default: -1 },
            { name: 'records', type: 'records', versions: '0+', nullableVersions: '0+' },
          ],
        },
      ],
    },
  ],
});

export type FetchRequest = MessageData<typeof FetchRequestSchema>;
export type FetchResponse = MessageData<typeof FetchResponseSchema>;
export type FetchResponseInput = MessageInput<typeof FetchResponseSchema>;
