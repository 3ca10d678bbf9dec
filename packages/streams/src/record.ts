/** Header values as Kafka carries them: text or raw bytes. */
export type RecordHeaders = Record<string, string | Buffer>;

/**
 * A record flowing through a topology. `topic`, `partition` and `offset` name where it was
 * consumed; `timestamp` (ms) is carried through to the sink unchanged.
 */
export interface StreamRecord<K = unknown, V = unknown> {
  readonly key: K;
  readonly value: V;
  readonly headers: RecordHeaders;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
}

/** A record exactly as consumed: key and value still bytes. Dead-letters are built from it. */
export type ConsumedRecord = StreamRecord<Buffer | null, Buffer | null>;

/** A serialised record handed to a RecordCollector, ready for a producer. */
export interface ProducedRecord {
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: RecordHeaders;
  readonly timestamp: number;
  /** Unset: the producer's partitioner picks the partition from the key. */
  readonly partition?: number;
}

// Building records through these keeps object shapes uniform, which the hot path relies on.
export function withValue<K, V>(record: StreamRecord<K, unknown>, value: V): StreamRecord<K, V> {
  return {
    key: record.key,
    value,
    headers: record.headers,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
  };
}

export function withKey<K, V>(record: StreamRecord<unknown, V>, key: K): StreamRecord<K, V> {
  return {
    key,
    value: record.value,
    headers: record.headers,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
  };
}

export function withKeyValue<K, V>(record: StreamRecord, key: K, value: V): StreamRecord<K, V> {
  return {
    key,
    value,
    headers: record.headers,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
  };
}
