import { message, type MessageData, type MessageInput } from '../schema/index.js';

// AddPartitionsToTxn (key 24), versions 0–1: a transactional producer registers the partitions it
// is about to write. Kafka's schema prefixes these single-transaction fields with `V3AndBelow`
// (v4+ batches several transactions).

export const AddPartitionsToTxnRequestSchema = message({
  name: 'AddPartitionsToTxnRequest',
  apiKey: 24,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '3+',
  fields: [
    { name: 'v3AndBelowTransactionalId', type: 'string', versions: '0-3' },
    { name: 'v3AndBelowProducerId', type: 'int64', versions: '0-3' },
    { name: 'v3AndBelowProducerEpoch', type: 'int16', versions: '0-3' },
    {
      name: 'v3AndBelowTopics', type: '[]AddPartitionsToTxnTopic', versions: '0-3', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        { name: 'partitions', type: '[]int32', versions: '0+' },
      ],
    },
  ],
});

export const AddPartitionsToTxnResponseSchema = message({
  name: 'AddPartitionsToTxnResponse',
  apiKey: 24,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '3+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    {
      name: 'resultsByTopicV3AndBelow', type: '[]AddPartitionsToTxnTopicResult', versions: '0-3', fields: [
        { name: 'name', type: 'string', versions: '0+' },
        {
          name: 'resultsByPartition', type: '[]AddPartitionsToTxnPartitionResult', versions: '0+', fields: [
            { name: 'partitionIndex', type: 'int32', versions: '0+' },
            { name: 'partitionErrorCode', type: 'int16', versions: '0+' },
          ],
        },
      ],
    },
  ],
});

export type AddPartitionsToTxnRequest = MessageData<typeof AddPartitionsToTxnRequestSchema>;
export type AddPartitionsToTxnResponse = MessageData<typeof AddPartitionsToTxnResponseSchema>;
export type AddPartitionsToTxnResponseInput = MessageInput<typeof AddPartitionsToTxnResponseSchema>;
