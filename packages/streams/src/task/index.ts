export { DEAD_LETTER_HEADERS, deadLetterRecord, type DeadLetterCause } from './dead-letter.js';
export type { RecordCollector } from './record-collector.js';
export { StreamTask, type StreamTaskOptions } from './stream-task.js';
