import type { MessageData, MessageInput } from '../schema/infer.js';
import type { ApiDefinition } from './api.js';
import { defineApi } from './api.js';
import { UnsupportedApiError } from '../codec/unsupported-api-error.js';
import { ProduceRequestSchema, ProduceResponseSchema } from './00_produce.js';
import { FetchRequestSchema, FetchResponseSchema } from './01_fetch.js';
import { ListOffsetsRequestSchema, ListOffsetsResponseSchema } from './02_list_offsets.js';
import { MetadataRequestSchema, MetadataResponseSchema } from './03_metadata.js';
import { OffsetCommitRequestSchema, OffsetCommitResponseSchema } from './08_offset_commit.js';
import { OffsetFetchRequestSchema, OffsetFetchResponseSchema } from './09_offset_fetch.js';
import { FindCoordinatorRequestSchema, FindCoordinatorResponseSchema } from './10_find_coordinator.js';
import { JoinGroupRequestSchema, JoinGroupResponseSchema } from './11_join_group.js';
import { HeartbeatRequestSchema, HeartbeatResponseSchema } from './12_heartbeat.js';
import { LeaveGroupRequestSchema, LeaveGroupResponseSchema } from './13_leave_group.js';
import { SyncGroupRequestSchema, SyncGroupResponseSchema } from './14_sync_group.js';
import { DescribeGroupsRequestSchema, DescribeGroupsResponseSchema } from './15_describe_groups.js';
import { ListGroupsRequestSchema, ListGroupsResponseSchema } from './16_list_groups.js';
import { SaslHandshakeRequestSchema, SaslHandshakeResponseSchema } from './17_sasl_handshake.js';
import { ApiVersionsRequestSchema, ApiVersionsResponseSchema } from './18_api_versions.js';
import { CreateTopicsRequestSchema, CreateTopicsResponseSchema } from './19_create_topics.js';
import { DeleteTopicsRequestSchema, DeleteTopicsResponseSchema } from './20_delete_topics.js';
import { DeleteRecordsRequestSchema, DeleteRecordsResponseSchema } from './21_delete_records.js';
import { DescribeLogDirsRequestSchema, DescribeLogDirsResponseSchema } from './35_describe_log_dirs.js';
import { InitProducerIdRequestSchema, InitProducerIdResponseSchema } from './22_init_producer_id.js';
import { AddPartitionsToTxnRequestSchema, AddPartitionsToTxnResponseSchema } from './24_add_partitions_to_txn.js';
import { AddOffsetsToTxnRequestSchema, AddOffsetsToTxnResponseSchema } from './25_add_offsets_to_txn.js';
import { EndTxnRequestSchema, EndTxnResponseSchema } from './26_end_txn.js';
import { TxnOffsetCommitRequestSchema, TxnOffsetCommitResponseSchema } from './28_txn_offset_commit.js';
import { DescribeConfigsRequestSchema, DescribeConfigsResponseSchema } from './32_describe_configs.js';
import { AlterConfigsRequestSchema, AlterConfigsResponseSchema } from './33_alter_configs.js';
import { SaslAuthenticateRequestSchema, SaslAuthenticateResponseSchema } from './36_sasl_authenticate.js';
import { CreatePartitionsRequestSchema, CreatePartitionsResponseSchema } from './37_create_partitions.js';
import { DeleteGroupsRequestSchema, DeleteGroupsResponseSchema } from './42_delete_groups.js';
import { OffsetDeleteRequestSchema, OffsetDeleteResponseSchema } from './47_offset_delete.js';

export * from './00_produce.js';
export * from './01_fetch.js';
export * from './02_list_offsets.js';
export * from './03_metadata.js';
export * from './08_offset_commit.js';
export * from './09_offset_fetch.js';
export * from './10_find_coordinator.js';
export * from './11_join_group.js';
export * from './12_heartbeat.js';
export * from './13_leave_group.js';
export * from './14_sync_group.js';
export * from './15_describe_groups.js';
export * from './16_list_groups.js';
export * from './17_sasl_handshake.js';
export * from './18_api_versions.js';
export * from './19_create_topics.js';
export * from './20_delete_topics.js';
export * from './21_delete_records.js';
export * from './22_init_producer_id.js';
export * from './24_add_partitions_to_txn.js';
export * from './25_add_offsets_to_txn.js';
export * from './26_end_txn.js';
export * from './28_txn_offset_commit.js';
export * from './32_describe_configs.js';
export * from './33_alter_configs.js';
export * from './35_describe_log_dirs.js';
export * from './36_sasl_authenticate.js';
export * from './37_create_partitions.js';
export * from './42_delete_groups.js';
export * from './47_offset_delete.js';
export type { ApiDefinition } from './api.js';

/** Every declared API by key; the broker's ApiVersions answer is built from the ones it handles. */
export const apis = {
  0: defineApi('Produce', ProduceRequestSchema, ProduceResponseSchema),
  1: defineApi('Fetch', FetchRequestSchema, FetchResponseSchema),
  2: defineApi('ListOffsets', ListOffsetsRequestSchema, ListOffsetsResponseSchema),
  3: defineApi('Metadata', MetadataRequestSchema, MetadataResponseSchema),
  8: defineApi('OffsetCommit', OffsetCommitRequestSchema, OffsetCommitResponseSchema),
  9: defineApi('OffsetFetch', OffsetFetchRequestSchema, OffsetFetchResponseSchema),
  10: defineApi('FindCoordinator', FindCoordinatorRequestSchema, FindCoordinatorResponseSchema),
  11: defineApi('JoinGroup', JoinGroupRequestSchema, JoinGroupResponseSchema),
  12: defineApi('Heartbeat', HeartbeatRequestSchema, HeartbeatResponseSchema),
  13: defineApi('LeaveGroup', LeaveGroupRequestSchema, LeaveGroupResponseSchema),
  14: defineApi('SyncGroup', SyncGroupRequestSchema, SyncGroupResponseSchema),
  15: defineApi('DescribeGroups', DescribeGroupsRequestSchema, DescribeGroupsResponseSchema),
  16: defineApi('ListGroups', ListGroupsRequestSchema, ListGroupsResponseSchema),
  17: defineApi('SaslHandshake', SaslHandshakeRequestSchema, SaslHandshakeResponseSchema),
  18: defineApi('ApiVersions', ApiVersionsRequestSchema, ApiVersionsResponseSchema),
  19: defineApi('CreateTopics', CreateTopicsRequestSchema, CreateTopicsResponseSchema),
  20: defineApi('DeleteTopics', DeleteTopicsRequestSchema, DeleteTopicsResponseSchema),
  21: defineApi('DeleteRecords', DeleteRecordsRequestSchema, DeleteRecordsResponseSchema),
  22: defineApi('InitProducerId', InitProducerIdRequestSchema, InitProducerIdResponseSchema),
  24: defineApi('AddPartitionsToTxn', AddPartitionsToTxnRequestSchema, AddPartitionsToTxnResponseSchema),
  25: defineApi('AddOffsetsToTxn', AddOffsetsToTxnRequestSchema, AddOffsetsToTxnResponseSchema),
  26: defineApi('EndTxn', EndTxnRequestSchema, EndTxnResponseSchema),
  28: defineApi('TxnOffsetCommit', TxnOffsetCommitRequestSchema, TxnOffsetCommitResponseSchema),
  32: defineApi('DescribeConfigs', DescribeConfigsRequestSchema, DescribeConfigsResponseSchema),
  33: defineApi('AlterConfigs', AlterConfigsRequestSchema, AlterConfigsResponseSchema),
  35: defineApi('DescribeLogDirs', DescribeLogDirsRequestSchema, DescribeLogDirsResponseSchema),
  36: defineApi('SaslAuthenticate', SaslAuthenticateRequestSchema, SaslAuthenticateResponseSchema),
  37: defineApi('CreatePartitions', CreatePartitionsRequestSchema, CreatePartitionsResponseSchema),
  42: defineApi('DeleteGroups', DeleteGroupsRequestSchema, DeleteGroupsResponseSchema),
  47: defineApi('OffsetDelete', OffsetDeleteRequestSchema, OffsetDeleteResponseSchema),
} as const;

export type Apis = typeof apis;
export type ApiKey = keyof Apis;

/** Decoded request body of API `K` (every field present). */
export type RequestOf<K extends ApiKey> = MessageData<Apis[K]['request']>;
/** Request body accepted by encodeRequest for API `K`. */
export type RequestInput<K extends ApiKey> = MessageInput<Apis[K]['request']>;
/** Decoded response body of API `K`. */
export type ResponseOf<K extends ApiKey> = MessageData<Apis[K]['response']>;
/** Response body accepted by encodeResponse for API `K`. */
export type ResponseInput<K extends ApiKey> = MessageInput<Apis[K]['response']>;

// For a literal key these are the message types; for a plain `number` (dynamic dispatch in the
// broker) they fall back to `unknown`, so one signature serves both.
export type RequestOfKey<K extends number> = K extends ApiKey ? RequestOf<K> : unknown;
export type RequestInputOfKey<K extends number> = K extends ApiKey ? RequestInput<K> : unknown;
export type ResponseOfKey<K extends number> = K extends ApiKey ? ResponseOf<K> : unknown;
export type ResponseInputOfKey<K extends number> = K extends ApiKey ? ResponseInput<K> : unknown;

/** Keys of the known APIs, ascending. */
export const apiKeys: readonly ApiKey[] = Object.keys(apis).map(Number).sort((a, b) => a - b) as ApiKey[];

export function isApiKey(apiKey: number): apiKey is ApiKey {
  return Object.prototype.hasOwnProperty.call(apis, apiKey);
}

/** The API declared under `apiKey`, or undefined. */
export function apiFor(apiKey: number): ApiDefinition | undefined {
  return isApiKey(apiKey) ? apis[apiKey] : undefined;
}

/** Whether `version` of `apiKey` is declared here (and so can be decoded and encoded). */
export function isSupportedVersion(apiKey: number, version: number): boolean {
  const api = apiFor(apiKey);
  return api !== undefined && Number.isInteger(version) && version >= api.minVersion && version <= api.maxVersion;
}

/** The API declared under `apiKey`, provided `version` is in its range; else UnsupportedApiError. */
export function requireApi(apiKey: number, version: number): ApiDefinition {
  const api = apiFor(apiKey);
  if (!api) throw new UnsupportedApiError(apiKey, version, 'no such API is declared');
  if (!isSupportedVersion(apiKey, version)) {
    throw new UnsupportedApiError(apiKey, version, `${api.name} supports versions ${api.minVersion}-${api.maxVersion}`);
  }
  return api;
}
