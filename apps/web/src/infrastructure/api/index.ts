export { ApiRequestError, createApiClient, type SaveOptions, type SluiceApi } from './client.js';
export type { ApiIssue, Health, PipelineRecord, PipelineStatus, TopicSummary } from './schemas.js';
