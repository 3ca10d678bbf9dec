import type { NodeLowerings } from '../processor/index.js';
import { lowerBranch } from './branch-processor.js';
import { lowerFilter } from './filter-processor.js';
import { lowerFlatMap } from './flat-map-values-processor.js';
import { lowerMap } from './map-values-processor.js';
import { lowerSelectKey } from './select-key-processor.js';
import { lowerSink } from './sink-node.js';
import { lowerSource } from './source-node.js';

/**
 * How each pipeline node type runs, keyed like topology's NODE_REGISTRY. Typed as a Record over
 * every NodeType, so a type registered there without a processor here does not compile.
 */
export const NODE_PROCESSORS: NodeLowerings = {
  source: lowerSource,
  filter: lowerFilter,
  map: lowerMap,
  flatMap: lowerFlatMap,
  selectKey: lowerSelectKey,
  branch: lowerBranch,
  sink: lowerSink,
};
