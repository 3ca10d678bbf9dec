import { EXPRESSION_VARIABLES } from './cel.js';
import {
  DEFAULT_BRANCH_OUTPUT,
  NODE_REGISTRY,
  NODE_TYPES,
  type EnumOption,
  type NodeType,
  type NodeTypeInfo,
  type OnErrorMode,
} from './nodes/index.js';
import type { NodeOfType, PipelineNodeInput } from './pipeline.js';

export interface Catalogue {
  /** Every node type in palette order. */
  nodeTypes: readonly NodeTypeInfo<NodeType>[];
  /** Options every node shares for records it cannot handle. */
  onError: { default: OnErrorMode; options: readonly (EnumOption & { value: OnErrorMode })[]; help: string };
  /** Variables available to every expression, for editor completion and help. */
  expressionVariables: typeof EXPRESSION_VARIABLES;
}

export const catalogue: Catalogue = {
  nodeTypes: NODE_TYPES.map((type) => NODE_REGISTRY[type].info),
  onError: {
    default: 'dead-letter',
    options: [
      { value: 'dead-letter', label: 'Dead-letter', help: 'write the original record to the dead-letter topic, with headers saying why' },
      { value: 'skip', label: 'Skip', help: 'drop the record and count it as an error' },
      { value: 'stop', label: 'Stop', help: 'stop the pipeline with an error naming the node and the record' },
    ],
    help: 'What happens to a record this node cannot handle. Dead letters go to deadLetterTopic, or <pipeline name>.dlq.',
  },
  expressionVariables: EXPRESSION_VARIABLES,
};

const BY_TYPE = new Map<string, NodeTypeInfo<NodeType>>(catalogue.nodeTypes.map((info) => [info.type, info]));

export function isNodeType(type: unknown): type is NodeType {
  return typeof type === 'string' && BY_TYPE.has(type);
}

/** The one-line summary a canvas shows under a node's name; the config may be a draft's. */
export function summarizeNode(type: NodeType, config: Readonly<Record<string, unknown>>): string {
  return NODE_REGISTRY[type].summary(config);
}

export function nodeTypeInfo<T extends NodeType>(type: T): NodeTypeInfo<T> {
  const info = BY_TYPE.get(type);
  if (!info) throw new Error(`unknown node type "${type}"`);
  return info as NodeTypeInfo<T>;
}

/** The part of a node its outputs depend on (type and config), keeping the two tied together. */
export type NodeShape = { [T in NodeType]: Pick<NodeOfType<T>, 'type' | 'config'> }[NodeType];

/** One output handle of a node: `handle` is what edges leaving through it put in sourceHandle. */
export interface OutputPort {
  handle: string | null;
  label: string;
}

/** The outputs of a node: none for a sink, one unnamed for most, one per predicate plus default for a branch. */
export function outputsOf(node: NodeShape): OutputPort[] {
  switch (nodeTypeInfo(node.type).outputs) {
    case 'none':
      return [];
    case 'single':
      return [{ handle: null, label: 'out' }];
    case 'per-predicate': {
      const predicates = node.type === 'branch' ? node.config.predicates : [];
      return [...predicates.map((p) => p.name), DEFAULT_BRANCH_OUTPUT].map((name) => ({ handle: name, label: name }));
    }
  }
}

/**
 * A fresh node as the palette drops it: enum fields at their defaults, expressions and predicates
 * at their examples, topics empty (a draft the person then completes).
 */
export function createNode(type: NodeType, id: string, position = { x: 0, y: 0 }): PipelineNodeInput {
  const config: Record<string, unknown> = {};
  for (const field of nodeTypeInfo(type).fields) {
    switch (field.type) {
      case 'cel-bool':
      case 'cel-value':
      case 'cel-list':
        config[field.name] = field.default ?? field.example;
        break;
      case 'predicates':
        config[field.name] = field.default.map((p) => ({ ...p }));
        break;
      case 'topic':
        config[field.name] = field.default ?? '';
        break;
      default:
        if (field.default !== undefined) config[field.name] = field.default;
    }
  }
  return { id, type, position, config } as PipelineNodeInput;
}
