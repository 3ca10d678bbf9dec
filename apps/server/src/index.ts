// @sluice/server: the REST API, live metrics, Prometheus metrics and pipeline manager, as one
// function that `sluice server` and `sluice start` call.
export { createServer, checkExposure, type ServerOptions, type SluiceServer } from './server.js';
export { consoleLogger, silentLogger, type Logger } from './logger.js';
export type { LiveSnapshot } from './live/index.js';
export type { BrokerHealth, BrokerConnectionState } from './kafka/kafka-connection.js';
export type { PartitionView, ProducedRecord, TopicView } from './topics/topic-service.js';
export type { PeekResult, PeekedMessage } from './topics/message-peek.js';
export type { PayloadView } from './topics/record-payload.js';
export {
  PipelineManager,
  type EdgeMetrics,
  type NodeMetrics,
  type PipelineDetail,
  type PipelineMetrics,
  type PipelineStatus,
  type PipelineSummary,
  type RunnerTuning,
  type SourceLag,
} from './pipelines/index.js';
