import kafkajs from 'kafkajs';

/**
 * kafkajs is a CommonJS package: under ESM its runtime values are only reachable through the
 * default export. Every value import of kafkajs goes through here; types import from 'kafkajs'.
 */
export const { Kafka, logLevel, CompressionTypes, ConfigResourceTypes, Partitioners } = kafkajs;
