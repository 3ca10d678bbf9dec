import * as z from 'zod';
import { topicNameSchema } from '../names.js';
import { clip, defineNode, FORMAT_OPTIONS, recordFormatSchema, text } from './node-kit.js';

/**
 * `startFrom` defaults to `earliest`: a new pipeline then shows the records already in its topic,
 * which is what someone trying a pipeline expects. It only applies while the pipeline's consumer
 * group has no committed offsets; afterwards the group resumes where it stopped.
 */
const sourceConfig = z.strictObject({
  topic: topicNameSchema,
  format: recordFormatSchema.default('json'),
  keyFormat: recordFormatSchema.default('string'),
  startFrom: z.enum(['earliest', 'latest']).default('earliest'),
});

export const sourceNode = defineNode(sourceConfig, {
  type: 'source',
  label: 'Source',
  category: 'Sources',
  description: 'Reads records from a Kafka topic.',
  inputs: { min: 0, max: 0 },
  outputs: 'single',
  errors: 'records whose key or value cannot be decoded in the declared format (for example invalid JSON)',
  fields: [
    { name: 'topic', type: 'topic', label: 'Topic', required: true, help: 'The Kafka topic to read.', placeholder: 'raw_weather_topic' },
    { name: 'format', type: 'enum', label: 'Value format', required: false, default: 'json', options: FORMAT_OPTIONS, help: 'How record values are decoded.' },
    { name: 'keyFormat', type: 'enum', label: 'Key format', required: false, default: 'string', options: FORMAT_OPTIONS, help: 'How record keys are decoded.' },
    {
      name: 'startFrom',
      type: 'enum',
      label: 'Start from',
      required: false,
      default: 'earliest',
      options: [
        { value: 'earliest', label: 'Earliest', help: 'replay the records already in the topic' },
        { value: 'latest', label: 'Latest', help: 'only records produced from now on' },
      ],
      help: 'Where the pipeline starts reading the first time it runs; later runs resume from committed offsets.',
    },
  ],
}, (config) => (text(config.topic) ? `from ${clip(text(config.topic))}` : 'no topic yet'));

export type SourceConfig = z.output<typeof sourceConfig>;
