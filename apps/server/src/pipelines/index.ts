export { PipelineService, type GroupRemover, type PipelineDetail, type PipelineSummary } from './pipeline-service.js';
export { PipelineStore, type DesiredState, type StoredPipeline } from './store/index.js';
export {
  PipelineManager,
  RestartBackoff,
  SourceTopicWatch,
  type EdgeMetrics,
  type NodeMetrics,
  type PipelineManagerOptions,
  type PipelineMetrics,
  type PipelineStatus,
  type RunnerTuning,
  type RuntimeState,
  type SourceLag,
} from './runtime/index.js';
