// @sluice/api: the REST and server-sent-event contract of the Sluice server. Every body and answer
// as a zod schema and its inferred type: the server types (and its tests check) what it sends with
// them, the web and the CLI parse answers with them. A renamed field is a compile error everywhere.
// Browser-safe: zod only.

export { errorBodySchema, issueSchema, type ApiIssue, type ErrorBody } from './issues.js';
export {
  deployQuery,
  desiredStateSchema,
  PIPELINE_STATUSES,
  pipelineDeployPath,
  pipelineDetailSchema,
  pipelineListSchema,
  pipelinePath,
  pipelineStatusSchema,
  pipelineSummarySchema,
  type DesiredState,
  type PipelineDetail,
  type PipelineList,
  type PipelineStatus,
  type PipelineSummary,
} from './pipelines.js';
export {
  edgeMetricsSchema,
  latencySchema,
  nodeMetricsSchema,
  pipelineMetricsSchema,
  sourceLagSchema,
  type EdgeMetrics,
  type LatencySummary,
  type NodeMetrics,
  type PipelineMetrics,
  type SourceLag,
} from './metrics.js';
export { LIVE_SNAPSHOT_EVENT, livePipelineSchema, liveSnapshotSchema, type LivePipeline, type LiveSnapshot } from './live.js';
export { headersSchema, payloadSchema, type PayloadView } from './records.js';
export {
  TAP_EVENTS,
  tapDroppedSchema,
  tapOpenedSchema,
  tapPath,
  tappedRecordSchema,
  type TapOpened,
  type TapPlace,
  type TappedRecord,
} from './taps.js';
export {
  createTopicSchema,
  partitionViewSchema,
  PEEK_LIMIT_MAX,
  peekedMessageSchema,
  peekQuerySchema,
  peekResultSchema,
  producedRecordSchema,
  produceRecordSchema,
  topicListSchema,
  topicNameSchema,
  topicPath,
  topicReadersSchema,
  topicViewSchema,
  type CreateTopicRequest,
  type PartitionView,
  type PeekedMessage,
  type PeekQuery,
  type PeekResult,
  type ProducedRecord,
  type ProduceRecordRequest,
  type TopicList,
  type TopicReaders,
  type TopicView,
} from './topics.js';
export {
  groupDetailSchema,
  groupIdSchema,
  groupListSchema,
  groupMemberSchema,
  groupPartitionSchema,
  groupPath,
  groupSummarySchema,
  offsetResetSchema,
  plannedResetSchema,
  resetOffsetsSchema,
  type GroupDetail,
  type GroupMemberView,
  type GroupPartitionView,
  type GroupSummary,
  type OffsetReset,
  type PlannedReset,
  type ResetOffsetsRequest,
} from './groups.js';
export { sessionStateSchema, signInSchema, type SessionState, type SignInRequest } from './session.js';
export { brokerConnectionStateSchema, brokerHealthSchema, healthSchema, type BrokerConnectionState, type BrokerHealth, type Health } from './health.js';
