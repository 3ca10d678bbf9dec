export { RestartBackoff } from './backoff.js';
export { PipelineManager, type PipelineManagerOptions } from './pipeline-manager.js';
export type { EdgeMetrics, MetricsDefinition, NodeMetrics, PipelineMetrics, SourceLag } from './pipeline-metrics.js';
export type { PipelineStatus, RuntimeState } from './pipeline-runtime.js';
export type { RunnerTuning } from './worker-protocol.js';
export { workerScript } from './worker-handle.js';
export { SourceTopicWatch } from './source-topic-watch.js';
export { topicsRead } from './source-topics.js';
