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
    timestamp: Number(message.timestamp),
  };
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
