// DescribeLogDirs v0–1: the one log directory (the data directory) with each partition's size in
// bytes. Offset lag is 0 (one node: the log end is the high watermark); no future logs.
import { resolve } from 'node:path';
import { defineHandler } from './handler.js';

export const describeLogDirsHandler = defineHandler({
  apiKey: 35,
  versions: { min: 0, max: 1 },
  advertised: { min: 0, max: 1 },
  handle(state, request) {
    const wanted = request.topics === null ? null : new Map(request.topics.map((t) => [t.topic, new Set(t.partitions)]));
    const topics = state.topics
      .list()
      .filter((t) => wanted === null || wanted.has(t.name))
      .map((t) => ({
        name: t.name,
        partitions: t.partitions
          .map((log, partitionIndex) => ({ log, partitionIndex }))
          .filter(({ partitionIndex }) => wanted === null || wanted.get(t.name)!.has(partitionIndex))
          .map(({ log, partitionIndex }) => ({ partitionIndex, partitionSize: BigInt(log.sizeInBytes), offsetLag: 0n, isFutureKey: false })),
      }));
    return { throttleTimeMs: 0, results: [{ errorCode: 0, logDir: resolve(state.topics.dataDirectory), topics }] };
  },
});
