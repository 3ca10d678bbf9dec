import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { ConsumedRecord, ProducedRecord, RecordHeaders } from '../record.js';

const NO_HEADERS: RecordHeaders = Object.freeze({}) as RecordHeaders;

/** A fetched kafkajs message as the topology reads it: bytes, numbers, flat headers. */
export function toConsumedRecord(topic: string, partition: number, message: KafkaMessage): ConsumedRecord {
  return {
    key: message.key ?? null,
    value: message.value ?? null,
    headers: message.headers ? flattenHeaders(message.headers) : NO_HEADERS,
    topic,
    partition,
    offset: Number(message.offset),
    timestamp: timestampOf(message.timestamp),
  };
}

// Records of one producer batch usually share a timestamp, and parsing a 13-digit string costs more
// than the rest of this conversion: the last one parsed is kept.
let lastTimestampText = '';
let lastTimestamp = 0;

function timestampOf(text: string): number {
  if (text !== lastTimestampText) {
    lastTimestamp = Number(text);
    lastTimestampText = text;
  }
  return lastTimestamp;
}

/** A collected record as kafkajs produces it; no partition means the key picks it. */
export function toProducerMessage(record: ProducedRecord): Message {
  const message: Message = {
    key: record.key,
    value: record.value,
    headers: record.headers,
    timestamp: String(record.timestamp),
  };
  if (record.partition !== undefined) message.partition = record.partition;
  return message;
}

// Kafka allows a header key to repeat; records here hold one value per key, the last one sent.
function flattenHeaders(headers: IHeaders): RecordHeaders {
  let out: RecordHeaders | undefined;
  for (const key in headers) {
    const value = headers[key];
    if (value === undefined) continue;
    out ??= {};
    out[key] = Array.isArray(value) ? value[value.length - 1]! : value;
  }
  return out ?? NO_HEADERS;
}
