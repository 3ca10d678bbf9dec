// Fetch v4–11 (advertised 0–11). Whole stored batches from the one containing the fetch offset,
// at least one complete batch even past max_bytes, up to max_bytes per partition and per request.
// Long polling: held until min_bytes have arrived or max_wait_ms passed, never longer (kafkajs
// gives up at max_wait + 100 ms). No fetch sessions (session id 0: every fetch is full); no
// preferred read replica. The last stable offset is the first offset of the oldest open transaction
// (else the high watermark); read_committed reads stop there and carry the aborted transactions of
// the range returned, which clients use to drop aborted records.
import { ErrorCode, iterateBatches, type FetchRequest } from '@sluice/kafka-protocol';
import type { BrokerState } from '../broker-state.js';
import { OffsetOutOfRangeError } from '../log/index.js';
import type { PartitionProducers } from '../producers/index.js';
import { defineHandler, type RequestContext } from './handler.js';

const READ_COMMITTED = 1;


export const fetchHandler = defineHandler({
  apiKey: 1,
  versions: { min: 4, max: 11 },
  advertised: { min: 0, max: 11 },
  async handle(state, request, ctx) {
    const deadline = Date.now() + request.maxWaitMs;
    let result = collect(state, request);
    // Appends inside an open transaction wake the wait without giving read_committed anything to
    // return, so wait again until there is enough or the time is up.
    while (result.bytes < request.minBytes && !result.anyError && !ctx.connection.closed.aborted) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      await waitForData(state, request, ctx, request.minBytes - result.bytes, left);
      result = collect(state, request);
    }
    return { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: result.responses };
  },
});

/** Reads what is there now for every partition asked for. */
function collect(state: BrokerState, request: FetchRequest) {
  let bytes = 0;
  let anyError = false;
  const committed = request.isolationLevel === READ_COMMITTED;
  const responses = request.topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p) => {
      const log = state.topics.partition(t.topic, p.partition);
      if (!log) {
        anyError = true;
        return emptyPartition(p.partition, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1, -1, committed);
      }
      const hw = log.logEndOffset;
      const producers = state.producers.get(t.topic, p.partition);
      const lso = producers ? producers.lastStableOffset : hw;
      try {
        const offset = Number(p.fetchOffset);
        const room = Math.min(p.partitionMaxBytes, Math.max(0, request.maxBytes - bytes));
        // Kafka's rule: the first partition with data gets at least one whole batch, whatever the limits.
        let read = room > 0 || bytes === 0 ? log.read(offset, room, bytes === 0) : { chunks: [], bytes: 0 };
        // read_committed stops at the last stable offset: nothing of an open transaction is returned.
        if (committed) read = cutAt(read.chunks, lso);
        bytes += read.bytes;
        return {
          partitionIndex: p.partition,
          errorCode: 0,
          highWatermark: BigInt(hw),
          lastStableOffset: BigInt(lso),
          logStartOffset: BigInt(log.logStartOffset),
          abortedTransactions: committed ? abortedIn(producers, offset, read.chunks) : null,
          preferredReadReplica: -1,
          records: read.chunks,
        };
      } catch (err) {
        if (!(err instanceof OffsetOutOfRangeError)) throw err;
        anyError = true;
        return emptyPartition(p.partition, ErrorCode.OFFSET_OUT_OF_RANGE, hw, log.logStartOffset, committed);
      }
    }),
  }));
  return { responses, bytes, anyError };
}

/** The whole batches of `chunks` that start below `limit`. */
function cutAt(chunks: Buffer[], limit: number): { chunks: Buffer[]; bytes: number } {
  const kept: Buffer[] = [];
  let bytes = 0;
  for (const chunk of chunks) {
    let end = 0;
    let stop = false;
    for (const h of iterateBatches(chunk)) {
      if (h.baseOffset >= limit) {
        stop = true;
        break;
      }
      end = h.offset + h.sizeInBytes;
    }
    if (end > 0) kept.push(end === chunk.length ? chunk : chunk.subarray(0, end));
    bytes += end;
    if (stop) break;
  }
  return { chunks: kept, bytes };
}

/** Aborted transactions overlapping the returned batches, by first offset, for the client to drop. */
function abortedIn(producers: PartitionProducers | undefined, from: number, chunks: Buffer[]) {
  const last = chunks.length === 0 ? null : [...iterateBatches(chunks[chunks.length - 1])].pop();
  if (!producers || !last) return [];
  return producers
    .abortedTransactions(from, last.lastOffset + 1)
    .map((a) => ({ producerId: BigInt(a.producerId), firstOffset: BigInt(a.firstOffset) }));
}

function emptyPartition(partitionIndex: number, errorCode: number, hw: number, logStart: number, committed: boolean) {
  return {
    partitionIndex,
    errorCode,
    highWatermark: BigInt(hw),
    lastStableOffset: BigInt(hw),
    logStartOffset: BigInt(logStart),
    abortedTransactions: committed ? [] : null,
    preferredReadReplica: -1,
    records: [] as Buffer[],
  };
}

/** Resolves once `needed` more bytes were appended to the partitions asked for, or `waitMs` passed. */
function waitForData(state: BrokerState, request: FetchRequest, ctx: RequestContext, needed: number, waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    let arrived = 0;
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      ctx.connection.closed.removeEventListener('abort', done);
      resolve();
    };
    const partitions = request.topics.flatMap((t) => t.partitions.map((p) => [t.topic, p.partition] as [string, number]));
    const unsubscribe = state.appends.subscribe(partitions, (bytes) => {
      arrived += bytes;
      if (arrived >= needed) done();
    });
    const timer = setTimeout(done, waitMs);
    ctx.connection.closed.addEventListener('abort', done);
  });
}
