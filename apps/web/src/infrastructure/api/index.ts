export { ApiRequestError, createApiClient, errorText, type PeekRequest, type SaveOptions, type SluiceApi } from './client.js';
export { ApiProvider, useApi } from './api-context.js';
export type {
  ApiIssue,
  GroupDetail,
  GroupSummary,
  Health,
  OffsetReset,
  PeekedMessage,
  PipelineDetail,
  PipelineStatus,
  PipelineSummary,
  PayloadView,
  ProducedRecord,
  ResetOffsetsRequest,
  TopicReaders,
  TopicView,
} from '@sluice/api';
