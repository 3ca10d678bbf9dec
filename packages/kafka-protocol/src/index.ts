// Kafka wire protocol: primitives, message declarations, one generic codec, frame headers and the
// error-code table. No I/O.
export * from './primitives/index.js';
export * from './schema/index.js';
export * from './codec/index.js';
export * from './messages/index.js';
export * from './frames/index.js';
export * from './errors.js';
export * from './records/index.js';
export * from './security/jaas.js';
