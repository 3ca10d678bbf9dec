// @sluice/streams: a Kafka Streams–style runtime. Processors and a topology builder, a fluent DSL,
// a compiler from pipeline JSON, a broker-free test driver, and a runner on kafkajs.
export * from './dsl/index.js';
export * from './metrics/index.js';
export * from './processor/index.js';
export * from './processors/index.js';
export * from './serdes/index.js';
export * from './taps/index.js';
export * from './task/index.js';
export * from './testing/index.js';
export * from './topology/index.js';
export { describeValue } from './describe-value.js';
export { withKey, withKeyValue, withValue, type ConsumedRecord, type ProducedRecord, type RecordHeaders, type StreamRecord } from './record.js';
export * from './compiler/index.js';
export * from './runner/index.js';
