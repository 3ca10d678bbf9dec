// Record batch v2: header views, validation, iteration, and a record codec for batches built here.
export { crc32c } from './crc32c.js';
export { readInt64, writeInt64 } from './int64.js';
export {
  BATCH_HEADER_SIZE,
  BatchOffsets,
  COMPRESSION_MASK,
  CONTROL_BIT,
  CURRENT_MAGIC,
  CompressionType,
  LOG_OVERHEAD,
  RecordBatchHeader,
  TIMESTAMP_TYPE_BIT,
  TRANSACTIONAL_BIT,
  computeBatchCrc,
  iterateBatches,
  setBaseOffset,
  setPartitionLeaderEpoch,
  validateBatch,
  type BatchProblem,
  type BatchValidation,
  type CompressionCode,
  type TimestampType,
} from './batch-header.js';
export type { BuildCompression } from './compression.js';
export { assembleBatch, buildRecordBatch, encodeRecordsSection, type BatchFields, type BatchOptions, type RecordsSection, type RecordHeader, type RecordInput } from './record-batch-builder.js';
export { decodeRecords, decodeRecordsAsync, type DecodedRecord } from './record-decoder.js';
export { CODEC_NAMES, codecCode, codecName, compressAsync, decompressAsync, type CodecName } from './codecs.js';
export { rewriteBatch } from './batch-rewrite.js';
export {
  ControlRecordType,
  buildControlBatch,
  parseControlRecord,
  type ControlBatchOptions,
  type ControlMarker,
  type ControlRecord,
} from './control-batch.js';
export { RecordFormatError } from './varint.js';
