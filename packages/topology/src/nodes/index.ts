import { branchNode } from './branch.js';
import { filterNode } from './filter.js';
import { flatMapNode } from './flat-map.js';
import { mapNode } from './map.js';
import { selectKeyNode } from './select-key.js';
import { sinkNode } from './sink.js';
import { sourceNode } from './source.js';

/** Every node type, in palette order. Adding a type means adding a file and a line here. */
export const NODE_DEFINITIONS = [sourceNode, filterNode, mapNode, flatMapNode, selectKeyNode, branchNode, sinkNode] as const;

export type NodeType = (typeof NODE_DEFINITIONS)[number]['type'];
export const NODE_TYPES: readonly NodeType[] = NODE_DEFINITIONS.map((d) => d.type);

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
  type NodeTypeInfo,
  type OnErrorMode,
  type OutputsKind,
  type RecordFormat,
} from './node-kit.js';
