export {
  Topology,
  type ErrorPolicy,
  type NodeKind,
  type SinkCompression,
  type SinkSpec,
  type SourceSpec,
  type StartFrom,
  type TopologyEdge,
  type TopologyNode,
} from './topology.js';
export { TopologyBuilder, type NodeOptions, type ParentRef, type SinkNodeOptions, type SourceNodeOptions } from './topology-builder.js';
