import * as z from 'zod';
import { nodeIdSchema, topicNameSchema } from '../names.js';

/** Record formats, for key and value separately. */
export const RECORD_FORMATS = ['json', 'string', 'bytes'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export const recordFormatSchema = z.enum(RECORD_FORMATS);

/** What a node does with a record it cannot handle. */
export const ON_ERROR_MODES = ['dead-letter', 'skip', 'stop'] as const;
export type OnErrorMode = (typeof ON_ERROR_MODES)[number];
export const onErrorSchema = z.enum(ON_ERROR_MODES);

export const positionSchema = z.object({ x: z.number(), y: z.number() });

/**
 * Fields every node has. `position` defaults to the origin so hand-written files may omit it;
 * unknown node-level fields (a canvas adds some) are dropped, while config objects are strict so a
 * misspelt option is reported rather than ignored.
 */
export function nodeSchema<T extends string, C extends z.ZodType>(type: T, config: C) {
  return z.object({
    id: nodeIdSchema,
    type: z.literal(type),
    position: positionSchema.default({ x: 0, y: 0 }),
    label: z.string().max(200, { error: 'labels are at most 200 characters' }).optional(),
    onError: onErrorSchema.default('dead-letter'),
    /** Where dead letters from this node go; the pipeline's `<name>.dlq` when absent. */
    deadLetterTopic: topicNameSchema.optional(),
    config,
  });
}

export type NodeCategory = 'Sources' | 'Processors' | 'Sinks';

export interface EnumOption {
  value: string;
  label: string;
  help?: string;
}

interface FieldBase {
  /** The key in the node's config object. */
  name: string;
  label: string;
  help: string;
  required: boolean;
}

/** A config field as the designer renders it; generated forms follow `type`. */
export type ConfigField =
  | (FieldBase & { type: 'topic'; default?: string; placeholder?: string })
  | (FieldBase & { type: 'cel-bool' | 'cel-value' | 'cel-list'; default?: string; example: string })
  | (FieldBase & { type: 'enum'; options: readonly EnumOption[]; default: string })
  | (FieldBase & { type: 'string'; default?: string })
  | (FieldBase & { type: 'number'; default?: number; min?: number; max?: number })
  | (FieldBase & { type: 'boolean'; default?: boolean })
  | (FieldBase & {
      type: 'predicates';
      /** Fields of each list item; one output handle per item, named by its `name`. */
      itemFields: readonly ConfigField[];
      default: readonly { name: string; expression: string }[];
    });

export type ConfigFieldType = ConfigField['type'];

/**
 * - `none`: a sink, nothing leaves it.
 * - `single`: one unnamed output; edges leaving it carry no sourceHandle.
 * - `per-predicate`: a branch; one output per predicate name, plus `default`.
 */
export type OutputsKind = 'none' | 'single' | 'per-predicate';

/** One node type as the palette, forms and validation see it. */
export interface NodeTypeInfo<T extends string = string> {
  type: T;
  label: string;
  category: NodeCategory;
  description: string;
  /** How many incoming edges: sources none; every other node one or more (several = merge). */
  inputs: { min: number; max: number | null };
  outputs: OutputsKind;
  fields: readonly ConfigField[];
  /** Which records this node's `onError` decides about. */
  errors: string;
}

/**
 * One line that tells nodes of the same type apart on the canvas (the topic, the expression). It
 * reads a draft's config, which may be incomplete, so it takes the config as found.
 */
export type NodeSummary = (config: Readonly<Record<string, unknown>>) => string;

export interface NodeDefinition<T extends string, S extends z.ZodType> {
  type: T;
  /** The whole node, common fields included. */
  schema: S;
  /** What the palette, the generated form and validation show. */
  info: NodeTypeInfo<T>;
  summary: NodeSummary;
}

export function defineNode<T extends string, C extends z.ZodType>(
  config: C,
  info: NodeTypeInfo<T>,
  summary: NodeSummary,
): NodeDefinition<T, ReturnType<typeof nodeSchema<T, C>>> {
  return { type: info.type, schema: nodeSchema(info.type, config), info, summary };
}

const MAX_SUMMARY = 48;

/** Flattens and shortens text for a one-line summary. */
export function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SUMMARY ? `${flat.slice(0, MAX_SUMMARY - 1)}…` : flat;
}

/** A config field as text, '' when it is missing or not a string. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The summary of the expression nodes: the expression itself. */
export const expressionSummary: NodeSummary = (config) =>
  text(config.expression) ? clip(text(config.expression)) : 'no expression yet';

export const FORMAT_OPTIONS: readonly EnumOption[] = [
  { value: 'json', label: 'JSON', help: 'UTF-8 JSON; fields are reachable as value.field' },
  { value: 'string', label: 'String', help: 'UTF-8 text' },
  { value: 'bytes', label: 'Bytes', help: 'raw bytes, shown as base64' },
];

export const PROCESSOR_INPUTS = { min: 1, max: null } as const;
