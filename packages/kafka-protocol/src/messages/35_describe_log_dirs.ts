import { message, type MessageData, type MessageInput } from '../schema/index.js';

// DescribeLogDirs (key 35), versions 0–1 (1 is 0 with throttling after the response); flexible
// from 2, so these stay in the classic encoding. Checked against apache/kafka's
// DescribeLogDirsRequest.json / DescribeLogDirsResponse.json. Topics null means every topic.

export const DescribeLogDirsRequestSchema = message({
  name: 'DescribeLogDirsRequest',
  apiKey: 35,
  type: 'request',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    {
      name: 'topics', type: '[]DescribableLogDirTopic', versions: '0+', nullableVersions: '0+', fields: [
        { name: 'topic', type: 'string', versions: '0+' },
        { name: 'partitions', type: '[]int32', versions: '0+' },
      ],
    },
  ],
});

export const DescribeLogDirsResponseSchema = message({
  name: 'DescribeLogDirsResponse',
  apiKey: 35,
  type: 'response',
  validVersions: '0-1',
  flexibleVersions: '2+',
  fields: [
    { name: 'throttleTimeMs', type: 'int32', versions: '0+' },
    {
      name: 'results', type: '[]DescribeLogDirsResult', versions: '0+', fields: [
        { name: 'errorCode', type: 'int16', versions: '0+' },
        { name: 'logDir', type: 'string', versions: '0+' },
        {
          name: 'topics', type: '[]DescribeLogDirsTopic', versions: '0+', fields: [
            { name: 'name', type: 'string', versions: '0+' },
            {
              name: 'partitions', type: '[]DescribeLogDirsPartition', versions: '0+', fields: [
                { name: 'partitionIndex', type: 'int32', versions: '0+' },
                { name: 'partitionSize', type: 'int64', versions: '0+' },
                { name: 'offsetLag', type: 'int64', versions: '0+' },
                { name: 'isFutureKey', type: 'bool', versions: '0+' },
              ],
            },
          ],
        },
      ],
    },
  ],
});

export type DescribeLogDirsRequest = MessageData<typeof DescribeLogDirsRequestSchema>;
export type DescribeLogDirsResponse = MessageData<typeof DescribeLogDirsResponseSchema>;
export type DescribeLogDirsResponseInput = MessageInput<typeof DescribeLogDirsResponseSchema>;
