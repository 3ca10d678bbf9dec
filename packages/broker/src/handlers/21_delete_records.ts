// DeleteRecords v0–1: raises a partition's log start offset (offset -1 means the high watermark);
// whole segments below it are removed by the log.
import { ErrorCode } from '@sluice/kafka-protocol';
import { defineHandler } from './handler.js';


export const deleteRecordsHandler = defineHandler({
  apiKey: 21,
  versions: { min: 0, max: 1 },
  advertised: { min: 0, max: 1 },
  handle(state, request) {
    const topics = request.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map(({ partitionIndex, offset }) => {
        const log = state.topics.partition(t.name, partitionIndex);
        if (!log) return { partitionIndex, lowWatermark: -1, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        const target = Number(offset) === -1 ? log.logEndOffset : Number(offset);
        if (target < 0 || target > log.logEndOffset) {
          return { partitionIndex, lowWatermark: log.logStartOffset, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE };
        }
        if (target > log.logStartOffset) log.deleteRecordsBefore(target);
        return { partitionIndex, lowWatermark: log.logStartOffset, errorCode: 0 };
      }),
    }));
    return { throttleTimeMs: 0, topics };
  },
});
