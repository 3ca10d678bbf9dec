import type * as z from 'zod';
import { branchNode } from './branch.js';
import { filterNode } from './filter.js';
import { flatMapNode } from './flat-map.js';
import { mapNode } from './map.js';
import type { NodeDefinition } from './node-kit.js';
import { selectKeyNode } from './select-key.js';
import { sinkNode } from './sink.js';
import { sourceNode } from './source.js';

/**
 * Every node type, keyed by its `type`, in palette order. Adding a type means one file beside this
 * one and one line here; the pipeline schema, catalogue, forms and the runtime's processor table
 * all follow from it (the runtime's table is a `Record<NodeType, …>`, so a missing entry is a type
 * error there).
 */
export const NODE_REGISTRY = registry({
  source: sourceNode,
  filter: filterNode,
  map: mapNode,
  flatMap: flatMapNode,
  selectKey: selectKeyNode,
  branch: branchNode,
  sink: sinkNode,
});

export type NodeType = keyof typeof NODE_REGISTRY;
export const NODE_TYPES = Object.keys(NODE_REGISTRY) as readonly NodeType[];
/** The whole-node schemas, one per type, in palette order. */
export type NodeSchema = (typeof NODE_REGISTRY)[NodeType]['schema'];
export const NODE_SCHEMAS = NODE_TYPES.map((type) => NODE_REGISTRY[type].schema) as [NodeSchema, ...NodeSchema[]];

/** Ties each key to the definition's own `type`, so `{ map: filterNode }` does not compile. */
function registry<R extends { [T in keyof R]: NodeDefinition<T & string, z.ZodType> }>(entries: R): R {
  return entries;
}

export { DEFAULT_BRANCH_OUTPUT, MAX_BRANCH_PREDICATES, type BranchConfig } from './branch.js';
export type { FilterConfig } from './filter.js';
export type { FlatMapConfig } from './flat-map.js';
export type { MapConfig } from './map.js';
export type { SelectKeyConfig } from './select-key.js';
export type { SinkConfig } from './sink.js';
export type { SourceConfig } from './source.js';
export {
  ON_ERROR_MODES,
  RECORD_FORMATS,
  type ConfigField,
  type ConfigFieldType,
  type EnumOption,
  type NodeCategory,
  type NodeDefinition,
  type NodeTypeInfo,
  type OnErrorMode,
  type OutputsKind,
  type RecordFormat,
} from './node-kit.js';
