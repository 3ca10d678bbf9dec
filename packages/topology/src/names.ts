import * as z from 'zod';

// Kafka's own rule for topic names (kafka.common.internals.Topic): legal characters, length, and
// the two names that clash with path segments.
const TOPIC_PATTERN = /^[a-zA-Z0-9._-]+$/;
export const MAX_TOPIC_LENGTH = 249;

export const topicNameSchema = z
  .string()
  .min(1, { error: 'topic is required: name the Kafka topic', abort: true })
  .max(MAX_TOPIC_LENGTH, { error: `topic names are at most ${MAX_TOPIC_LENGTH} characters` })
  .regex(TOPIC_PATTERN, {
    error: "topic names use only letters, digits, '.', '_' and '-'",
  })
  .refine((name) => name !== '.' && name !== '..', { error: 'topic name cannot be "." or ".."' });

// The pipeline name doubles as the stem of its default dead-letter topic (`<name>.dlq`), so it
// follows the topic alphabet and leaves room for the suffix.
export const MAX_PIPELINE_NAME_LENGTH = 200;
export const pipelineNameSchema = z
  .string()
  .min(1, { error: 'name is required: give the pipeline a name such as "extreme-weather"', abort: true })
  .max(MAX_PIPELINE_NAME_LENGTH, {
    error: `pipeline names are at most ${MAX_PIPELINE_NAME_LENGTH} characters`,
  })
  .regex(TOPIC_PATTERN, { error: "pipeline names use only letters, digits, '.', '_' and '-'" });

// Node ids appear in metric names, dead-letter headers and URLs: keep them to a safe alphabet.
export const MAX_NODE_ID_LENGTH = 100;
export const nodeIdSchema = z
  .string()
  .min(1, { error: 'node id is required', abort: true })
  .max(MAX_NODE_ID_LENGTH, { error: `node ids are at most ${MAX_NODE_ID_LENGTH} characters` })
  .regex(TOPIC_PATTERN, { error: "node ids use only letters, digits, '.', '_' and '-'" });

// Branch outputs are named like identifiers so they read well in handles, metrics and headers.
const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const outputNameSchema = z
  .string()
  .min(1, { error: 'output name is required', abort: true })
  .max(64, { error: 'output names are at most 64 characters' })
  .regex(IDENTIFIER_PATTERN, {
    error: 'output names start with a letter or "_" and use only letters, digits and "_"',
  });
