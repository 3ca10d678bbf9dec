// Group and partition operations that kafkajs's admin API lacks, shared by the CLI and the server
// so both work the same against any Kafka cluster.
export { commitAsSoleMember, type OffsetToCommit } from './commit-as-sole-member.js';
export { fixedAssignment } from './fixed-assignment.js';
export { decodeMemberAssignment, type TopicPartition } from './member-assignment.js';
export * from './connection/index.js';
