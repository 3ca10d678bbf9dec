export { Kafka, logLevel, CompressionTypes, ConfigResourceTypes, Partitioners } from './kafkajs.js';
export { createKafka, type ClientOptions } from './client.js';
export { errorChain, protocolErrorType, explainConnectionError } from './errors.js';
export { withAdmin, type AdminSessionOptions } from './admin.js';
export { resolveConnection } from './connection.js';
