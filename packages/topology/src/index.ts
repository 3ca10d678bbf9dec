// The package's only door: everything web, server, CLI and runtime use comes from here.
// Browser-safe: nothing below touches Node-only APIs, and nothing below runs expressions per
// record; that is runtime.ts, the `@sluice/topology/runtime` entry.

export {
  CURRENT_SCHEMA_VERSION,
  MAX_EDGES,
  MAX_NODES,
  deadLetterTopicOf,
  DEFAULT_PROCESSING_GUARANTEE,
  PROCESSING_GUARANTEES,
  processingGuaranteeOf,
  processingGuaranteeSchema,
  type ProcessingGuarantee,
  edgeSchema,
  pipelineNodeSchema,
  pipelineSchema,
  pipelineSettingsSchema,
  type BranchNode,
  type Edge,
  type FilterNode,
  type FlatMapNode,
  type MapNode,
  type NodeConfig,
  type NodeOfType,
  type Pipeline,
  type PipelineInput,
  type PipelineNode,
  type PipelineNodeInput,
  type PipelineSettings,
  type SelectKeyNode,
  type SinkNode,
  type SourceNode,
} from './pipeline.js';

export {
  DEFAULT_BRANCH_OUTPUT,
  MAX_BRANCH_PREDICATES,
  NODE_REGISTRY,
  NODE_TYPES,
  ON_ERROR_MODES,
  RECORD_FORMATS,
  type BranchConfig,
  type ConfigField,
  type ConfigFieldType,
  type EnumOption,
  type FilterConfig,
  type FlatMapConfig,
  type MapConfig,
  type NodeCategory,
  type NodeDefinition,
  type NodeType,
  type NodeTypeInfo,
  type OnErrorMode,
  type OutputsKind,
  type RecordFormat,
  type SelectKeyConfig,
  type SinkConfig,
  type SourceConfig,
} from './nodes/index.js';

export {
  catalogue,
  createNode,
  isNodeType,
  nodeTypeInfo,
  outputsOf,
  summarizeNode,
  type Catalogue,
  type NodeShape,
  type OutputPort,
} from './catalogue.js';

// The wiring rules (canConnect and what it reads), used by the canvas and by validation.
export * from './wiring/index.js';

export { validatePipeline, type ValidationResult } from './validate.js';
export { formatIssue, type IssueCode, type ValidationIssue } from './validation/issue.js';
export {
  MIGRATIONS,
  migratePipeline,
  type Migration,
  type MigrationResult,
} from './migrations.js';

// Checking only: running expressions per record is the runtime entry's (@sluice/topology/runtime).
export {
  checkExpression,
  EXPRESSION_LIMITS,
  EXPRESSION_VARIABLES,
  type CheckedProgram,
  type ExpressionCheck,
  type ExpressionKind,
  type ExpressionProblem,
  type ExpressionValue,
  type RecordContext,
  type SourcePosition,
} from './cel.js';

export { MAX_TOPIC_LENGTH, MAX_PIPELINE_NAME_LENGTH, MAX_NODE_ID_LENGTH } from './names.js';

export {
  EXTREME_WEATHER,
  EXTREME_WEATHER_EXPRESSION,
  WEATHER_TOPICS,
  weatherPipeline,
} from './examples/weather.js';
