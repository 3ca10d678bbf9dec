// Every compression codec Kafka producers use, plugged into kafkajs once per process, and the
// stand-in records that report a batch no codec can read.
export { CODEC_NAMES, codecNameOfAttributes, compressionType, parseCodecName, type CodecName } from './codec-names.js';
export { registerKafkaCodecs } from './register-codecs.js';
export {
  COVERED_BY_UNDECODABLE_HEADER,
  isCoveredByUndecodableBatch,
  UNDECODABLE_BATCH_HEADER,
  undecodableBatchReason,
} from './undecodable-batch.js';
