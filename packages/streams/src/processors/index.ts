export { BranchProcessor, type BranchPredicate } from './branch-processor.js';
export { FilterProcessor, type RecordPredicate } from './filter-processor.js';
export { FlatMapValuesProcessor, type ValuesMapper } from './flat-map-values-processor.js';
export { MapValuesProcessor, type ValueMapper } from './map-values-processor.js';
export { PassThroughProcessor } from './pass-through-processor.js';
export { SelectKeyProcessor, type KeySelector } from './select-key-processor.js';
export { SinkNode } from './sink-node.js';
export { DecodedRecord, SourceNode } from './source-node.js';
export { NODE_PROCESSORS } from './node-processors.js';
