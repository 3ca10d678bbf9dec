export { GroupService, type GroupDetail, type GroupReader, type GroupMemberView, type GroupPartitionView, type GroupSummary, type OffsetReset } from './group-service.js';
export { groupIdSchema, resetOffsetsSchema, type ResetOffsetsRequest } from './group-requests.js';
export { planOffsetReset, type PlannedReset, type ResetTo } from './offset-reset.js';
