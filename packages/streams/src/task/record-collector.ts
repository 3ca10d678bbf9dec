import type { ProducedKind } from '../processor/index.js';
import type { ProducedRecord } from '../record.js';

/**
 * Receives every record a task writes: sink output and dead-letters alike. The runner's collector
 * buffers them and produces them in batches; the test driver's keeps them in memory.
 */
export interface RecordCollector {
  send(record: ProducedRecord, kind: ProducedKind): void;
}
