import * as z from 'zod';
import { topicNameSchema } from '../names.js';
import { clip, defineNode, FORMAT_OPTIONS, PROCESSOR_INPUTS, recordFormatSchema, text } from './node-kit.js';

// Records are partitioned by key, as Kafka's default partitioner does; re-key with selectKey.
const sinkConfig = z.strictObject({
  topic: topicNameSchema,
  format: recordFormatSchema.default('json'),
  keyFormat: recordFormatSchema.default('string'),
  // Optional, so pipelines written before it stay as they are; absent means none.
  compression: z.enum(['none', 'gzip', 'snappy', 'lz4', 'zstd']).optional(),
});

const COMPRESSION_OPTIONS = [
  { value: 'none', label: 'None', help: 'batches sent as they are' },
  { value: 'gzip', label: 'gzip', help: 'smallest of the classic codecs, slowest' },
  { value: 'snappy', label: 'Snappy', help: 'fast, modest ratio' },
  { value: 'lz4', label: 'LZ4', help: 'fastest to read back' },
  { value: 'zstd', label: 'Zstandard', help: 'best ratio for its speed' },
];

export const sinkNode = defineNode(sinkConfig, {
  type: 'sink',
  label: 'Sink',
  category: 'Sinks',
  description: 'Writes records to a Kafka topic, partitioned by key.',
  inputs: PROCESSOR_INPUTS,
  outputs: 'none',
  errors: 'records whose key or value cannot be encoded in the declared format',
  fields: [
    { name: 'topic', type: 'topic', label: 'Topic', required: true, help: 'The Kafka topic to write.', placeholder: 'processed_weather_topic' },
    { name: 'format', type: 'enum', label: 'Value format', required: false, default: 'json', options: FORMAT_OPTIONS, help: 'How record values are encoded.' },
    { name: 'keyFormat', type: 'enum', label: 'Key format', required: false, default: 'string', options: FORMAT_OPTIONS, help: 'How record keys are encoded.' },
    { name: 'compression', type: 'enum', label: 'Compression', required: false, default: 'none', options: COMPRESSION_OPTIONS, help: "The codec of the batches written, as Kafka's compression.type." },
  ],
}, (config) => (text(config.topic) ? `to ${clip(text(config.topic))}` : 'no topic yet'));

export type SinkConfig = z.output<typeof sinkConfig>;
