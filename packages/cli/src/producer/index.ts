export {
  lineFormatFrom,
  parseLine,
  LineFormatError,
  READER_PROPERTIES,
  type LineFormat,
  type LineRecord,
} from './line-reader.js';
export { RecordBatcher, type BatcherOptions } from './record-batcher.js';
export {
  resolveProducerSettings,
  DEFAULT_SETTINGS,
  type ProducerSettings,
  type ProducerFlags,
  type Compression,
} from './producer-settings.js';
