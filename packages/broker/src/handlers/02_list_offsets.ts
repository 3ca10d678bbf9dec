// ListOffsets v1–3 (advertised 0–3): -2 earliest, -1 latest (the last stable offset for
// read_committed, which equals the high watermark while no transaction is open), or the first
// offset of the first batch whose max timestamp reaches the one asked (time index; batch precision,
// since batches are stored as sent, compressed ones too).
import { ErrorCode } from '@sluice/kafka-protocol';
import { defineHandler } from './handler.js';

const LATEST = -1;
const EARLIEST = -2;
const READ_COMMITTED = 1;


export const listOffsetsHandler = defineHandler({
  apiKey: 2,
  versions: { min: 1, max: 3 },
  advertised: { min: 0, max: 3 },
  handle(state, request) {
    const topics = request.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map(({ partitionIndex, timestamp }) => {
        const log = state.topics.partition(t.name, partitionIndex);
        if (!log) return { partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, timestamp: -1, offset: -1 };
        const ts = Number(timestamp);
        if (ts === LATEST) {
          const latest = request.isolationLevel === READ_COMMITTED ? (state.producers.get(t.name, partitionIndex)?.lastStableOffset ?? log.logEndOffset) : log.logEndOffset;
          return { partitionIndex, errorCode: 0, timestamp: -1, offset: latest };
        }
        if (ts === EARLIEST) return { partitionIndex, errorCode: 0, timestamp: -1, offset: log.logStartOffset };
        if (ts < 0) {
          return { partitionIndex, errorCode: ErrorCode.UNSUPPORTED_VERSION, timestamp: -1, offset: -1 };
        }
        const offset = log.offsetForTimestamp(ts);
        return offset === null
          ? { partitionIndex, errorCode: 0, timestamp: -1, offset: -1 }
          : { partitionIndex, errorCode: 0, timestamp: ts, offset };
      }),
    }));
    return { throttleTimeMs: 0, topics };
  },
});
