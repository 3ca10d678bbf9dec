// Partition log storage: segments of record batches with offset and time indexes, recovery,
// retention and fsync policy. PartitionLog is the one class the rest of the broker uses.
export { PartitionLog, type AppendListener, type AppendResult, type ReadResult } from './partition-log.js';
export { DEFAULT_LOG_CONFIG, isCompacted, type LogConfig } from './config.js';
export { LogCleaner, cleanLog, type CleanStats } from './cleaner/index.js';
export { InvalidBatchesError, LogClosedError, OffsetOutOfRangeError } from './errors.js';
