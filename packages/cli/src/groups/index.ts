export { formatOffsetsTable, formatMembersTable, formatResetTable, type OffsetRow, type MemberRow, type ResetRow } from './tables.js';
export {
  planReset,
  parseTopicArg,
  type ResetScenario,
  type PartitionState,
  type PlannedOffset,
  type ResetPlan,
  type TopicArg,
} from './reset-plan.js';
export {
  buildOffsetRows,
  buildMemberRows,
  topicPartitionKey,
  parseTopicPartitionKey,
  type GroupMember,
  type TopicPartitionRef,
} from './describe-rows.js';
export {
  describeGroup,
  committedOffsets,
  logRanges,
  partitionsOf,
  listConsumerGroups,
  groupsReading,
  isInactive,
  type GroupSnapshot,
  type LogRange,
} from './group-queries.js';
