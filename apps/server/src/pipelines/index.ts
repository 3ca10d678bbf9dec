export { PipelineService, type GroupRemover, type PipelineDetail, type PipelineSummary } from './pipeline-service.js';
export { PipelineStore, type DesiredState, type StoredPipeline } from './store/index.js';
export {
  PipelineManager,
  RestartBackoff,
  type EdgeMetricsView,
  type NodeMetricsView,
  type PipelineManagerOptions,
  type PipelineMetrics,
  type PipelineStatus,
  type RunnerTuning,
  type RuntimeState,
  type SourceLagView,
} from './runtime/index.js';
