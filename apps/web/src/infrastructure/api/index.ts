export { ApiRequestError, createApiClient, type SaveOptions, type SluiceApi } from './client.js';
export { ApiProvider, useApi } from './api-context.js';
export type { ApiIssue, Health, PipelineRecord, PipelineStatus, TopicSummary } from './schemas.js';
