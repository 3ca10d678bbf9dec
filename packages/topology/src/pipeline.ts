import * as z from 'zod';
import { pipelineNameSchema, topicNameSchema } from './names.js';
import { NODE_SCHEMAS, type NodeType } from './nodes/index.js';

/** The schema version this build writes; older documents are migrated up to it. */
export const CURRENT_SCHEMA_VERSION = 1;

/** One node of any registered type, told apart by `type`. */
export const pipelineNodeSchema = z.discriminatedUnion('type', NODE_SCHEMAS);

/**
 * An edge from one node's output to another node's input. `sourceHandle` names a branch output
 * and is absent (or null, as canvases write it) for every other node. All inputs of a node are
 * one merge port, so `targetHandle` carries no meaning and is kept only for the designer.
 */
export const edgeSchema = z.object({
  id: z.string().min(1, { error: 'edge id is required' }).max(200, { error: 'edge ids are at most 200 characters' }),
  source: z.string().min(1, { error: 'edge source is required: the id of the node it leaves' }),
  target: z.string().min(1, { error: 'edge target is required: the id of the node it enters' }),
  sourceHandle: z.string().nullish(),
  targetHandle: z.string().nullish(),
});

export const pipelineSettingsSchema = z.strictObject({
  /** The runtime's consumer group; `sluice-<pipeline id>` when absent. */
  consumerGroup: z
    .string()
    .min(1, { error: 'consumerGroup cannot be empty: leave it out to use sluice-<pipeline id>' })
    .max(249, { error: 'consumer group ids are at most 249 characters' })
    .optional(),
  /** The dead-letter topic for nodes that do not name their own; `<name>.dlq` when absent. */
  deadLetterTopic: topicNameSchema.optional(),
});

/** Kafka Streams' `processing.guarantee` values; the first is the default. */
export const PROCESSING_GUARANTEES = ['exactly_once_v2', 'at_least_once'] as const;
export type ProcessingGuarantee = (typeof PROCESSING_GUARANTEES)[number];
export const DEFAULT_PROCESSING_GUARANTEE: ProcessingGuarantee = 'exactly_once_v2';

export const processingGuaranteeSchema = z.enum(PROCESSING_GUARANTEES);

export const MAX_NODES = 500;
export const MAX_EDGES = 2000;

export const pipelineSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  name: pipelineNameSchema,
  description: z.string().max(2000, { error: 'descriptions are at most 2000 characters' }).optional(),
  nodes: z.array(pipelineNodeSchema).max(MAX_NODES, { error: `a pipeline has at most ${MAX_NODES} nodes` }),
  edges: z.array(edgeSchema).max(MAX_EDGES, { error: `a pipeline has at most ${MAX_EDGES} edges` }).default([]),
  settings: pipelineSettingsSchema.optional(),
  /** Absent means exactly_once_v2, so documents written before the field keep the stronger one. */
  processingGuarantee: processingGuaranteeSchema.optional(),
});

/** A validated pipeline, defaults filled in. */
export type Pipeline = z.output<typeof pipelineSchema>;
/** A pipeline as written by a person or a canvas: defaults may be left out. */
export type PipelineInput = z.input<typeof pipelineSchema>;
export type PipelineNode = Pipeline['nodes'][number];
export type PipelineNodeInput = PipelineInput['nodes'][number];
export type NodeOfType<T extends NodeType> = Extract<PipelineNode, { type: T }>;
/** The config of one node type, as validated. */
export type NodeConfig<T extends NodeType> = NodeOfType<T>['config'];
export type Edge = Pipeline['edges'][number];
export type PipelineSettings = z.output<typeof pipelineSettingsSchema>;

export type SourceNode = NodeOfType<'source'>;
export type FilterNode = NodeOfType<'filter'>;
export type MapNode = NodeOfType<'map'>;
export type FlatMapNode = NodeOfType<'flatMap'>;
export type SelectKeyNode = NodeOfType<'selectKey'>;
export type BranchNode = NodeOfType<'branch'>;
export type SinkNode = NodeOfType<'sink'>;

/** The guarantee a pipeline runs with: its own, else exactly_once_v2. */
export function processingGuaranteeOf(pipeline: Pick<Pipeline, 'processingGuarantee'>): ProcessingGuarantee {
  return pipeline.processingGuarantee ?? DEFAULT_PROCESSING_GUARANTEE;
}

/** Where a node's dead letters go: its own topic, else the pipeline's, else `<name>.dlq`. */
export function deadLetterTopicOf(pipeline: Pick<Pipeline, 'name' | 'settings'>, node: Pick<PipelineNode, 'deadLetterTopic'>): string {
  return node.deadLetterTopic ?? pipeline.settings?.deadLetterTopic ?? `${pipeline.name}.dlq`;
}
