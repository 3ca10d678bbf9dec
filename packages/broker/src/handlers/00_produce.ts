// Produce v3–7 (advertised 0–7: librdkafka only compresses when the advertised min is 0). Each
// partition's records are checked batch by batch (record batch v2, CRC-32C, size) and appended as
// sent, compressed or not; the answer waits for the write. acks=0 gets no answer at all. Batches
// with a producer id go through the partition's producer state (see ../producers): epoch and
// sequence checks, retried duplicates answered with their original offset, and transactional
// batches only for partitions added to the producer's transaction.
import { BatchOffsets, ErrorCode, LOG_OVERHEAD, readInt64, validateBatch } from '@sluice/kafka-protocol';
import type { BrokerState } from '../broker-state.js';
import { defineHandler } from './handler.js';
import { setLogAppendTime } from './log-append-time.js';


export const produceHandler = defineHandler({
  apiKey: 0,
  versions: { min: 3, max: 7 },
  advertised: { min: 0, max: 7 },
  handle(state, request) {
    const validAcks = request.acks === 0 || request.acks === 1 || request.acks === -1;
    const responses = request.topicData.map((t) => ({
      name: t.name,
      partitionResponses: t.partitionData.map((p) =>
        validAcks ? appendPartition(state, t.name, p.index, p.records) : failed(p.index, ErrorCode.INVALID_REQUIRED_ACKS),
      ),
    }));
    return request.acks === 0 ? null : { responses, throttleTimeMs: 0 };
  },
});

function appendPartition(state: BrokerState, topicName: string, index: number, records: Buffer | null) {
  const topic = state.topics.get(topicName);
  const log = topic?.partitions[index];
  if (!topic || !log) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (!records || records.length === 0) return failed(index, ErrorCode.INVALID_RECORD, 'no record batch in the request');
  const logAppendTime = topic.limits.logAppendTime ? Date.now() : -1;
  for (let pos = 0; pos < records.length; ) {
    const check = validateBatch(records, pos);
    if (!check.ok) {
      const code = check.problem === 'unsupported-magic' ? ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT : ErrorCode.CORRUPT_MESSAGE;
      state.logger.warn(`rejected produce to ${topicName}-${index}: ${check.message}`);
      return failed(index, code, check.message);
    }
    if (check.size > topic.limits.maxMessageBytes) {
      return failed(index, ErrorCode.MESSAGE_TOO_LARGE, `batch of ${check.size} bytes is over max.message.bytes (${topic.limits.maxMessageBytes})`);
    }
    if (check.header.isControl) return failed(index, ErrorCode.INVALID_RECORD, 'clients may not write control batches');
    if (logAppendTime >= 0) setLogAppendTime(records, pos, logAppendTime);
    pos += check.size;
  }
  let baseOffset: number;
  if (hasProducerId(records)) {
    // Idempotent or transactional: sequence/epoch checks, duplicates answered with their first offset.
    const producers = state.producers.get(topicName, index);
    if (!producers) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const outcome = producers.append(records, (pid, epoch) => state.transactions.checkTransactionalWrite(pid, epoch, topicName, index));
    if (!('baseOffset' in outcome)) return failed(index, outcome.errorCode, outcome.message);
    baseOffset = outcome.baseOffset;
    if (!outcome.duplicate) state.appends.appended(topicName, index, records.length);
  } else {
    baseOffset = log.append(records).baseOffset;
    state.appends.appended(topicName, index, records.length);
  }
  return {
    index,
    errorCode: 0,
    baseOffset: BigInt(baseOffset),
    logAppendTimeMs: BigInt(logAppendTime),
    logStartOffset: BigInt(log.logStartOffset),
  };
}

/** Whether any batch carries a producer id (idempotent or transactional producers). */
function hasProducerId(records: Buffer): boolean {
  for (let pos = 0; pos < records.length; pos += LOG_OVERHEAD + records.readInt32BE(pos + BatchOffsets.batchLength)) {
    if (readInt64(records, pos + BatchOffsets.producerId) >= 0) return true;
  }
  return false;
}

function failed(index: number, errorCode: number, errorMessage: string | null = null) {
  return { index, errorCode, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, errorMessage };
}
