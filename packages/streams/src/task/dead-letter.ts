import type { ConsumedRecord, ProducedRecord } from '../record.js';

/** Headers a dead-letter record carries besides the original record's own headers. */
export const DEAD_LETTER_HEADERS = {
  /** The topology (pipeline) name. */
  pipeline: 'sluice.pipeline',
  /** The node that could not handle the record. */
  node: 'sluice.node',
  /** Why, as one line of text. */
  error: 'sluice.error',
  sourceTopic: 'sluice.source.topic',
  sourcePartition: 'sluice.source.partition',
  sourceOffset: 'sluice.source.offset',
} as const;

const MAX_ERROR_LENGTH = 1000;

export interface DeadLetterCause {
  readonly pipeline: string;
  readonly node: string;
  readonly error: string;
  readonly topic: string;
}

/** The original record, byte for byte, addressed to the dead-letter topic and labelled with why. */
export function deadLetterRecord(original: ConsumedRecord, cause: DeadLetterCause): ProducedRecord {
  const error = cause.error.length > MAX_ERROR_LENGTH ? cause.error.slice(0, MAX_ERROR_LENGTH) + '…' : cause.error;
  return {
    topic: cause.topic,
    key: original.key,
    value: original.value,
    headers: {
      ...original.headers,
      [DEAD_LETTER_HEADERS.pipeline]: cause.pipeline,
      [DEAD_LETTER_HEADERS.node]: cause.node,
      [DEAD_LETTER_HEADERS.error]: error,
      [DEAD_LETTER_HEADERS.sourceTopic]: original.topic,
      [DEAD_LETTER_HEADERS.sourcePartition]: String(original.partition),
      [DEAD_LETTER_HEADERS.sourceOffset]: String(original.offset),
    },
    timestamp: original.timestamp,
  };
}
