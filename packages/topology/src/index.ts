// The package's only door: everything web, server, CLI and runtime use comes from here.
// Browser-safe: nothing below touches Node-only APIs.

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
  type Catalogue,
  type NodeShape,
  type OutputPort,
} from './catalogue.js';

export { validatePipeline, type ValidationResult } from './validate.js';
export { formatIssue, type IssueCode, type ValidationIssue } from './validation/issue.js';
export {
  MIGRATIONS,
  migratePipeline,
  type Migration,
  type MigrationResult,
} from './migrations.js';

export {
  compileExpression,
  evaluate,
  CompiledExpression,
  ExpressionError,
  EXPRESSION_LIMITS,
  EXPRESSION_VARIABLES,
  type CompileResult,
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
