// Metadata v0–6 (advertised 0–6). One broker that leads every partition; topics asked for are
// auto-created when the request and `auto.create.topics.enable` allow it, and answered at once with
// error 0 and all partitions (kafkajs throws on any topic error but LEADER_NOT_AVAILABLE).
import { ErrorCode } from '@sluice/kafka-protocol';
import type { BrokerState } from '../broker-state.js';
import { topicNameProblem } from '../cluster/topic-name.js';
import type { Topic } from '../cluster/topic-registry.js';
import { defineHandler } from './handler.js';


export const metadataHandler = defineHandler({
  apiKey: 3,
  versions: { min: 0, max: 6 },
  advertised: { min: 0, max: 6 },
  handle(state, request, ctx) {
    const nodeId = state.settings.nodeId;
    // v0 asks for every topic with an empty list; v1+ with null.
    const all = request.topics === null || (ctx.apiVersion === 0 && request.topics.length === 0);
    const autoCreate = state.settings.autoCreateTopics && (ctx.apiVersion < 4 || request.allowAutoTopicCreation);
    const topics = all
      ? state.topics.list().map((t) => describeTopic(state, t))
      : request.topics!.map(({ name }) => lookUp(state, name ?? '', autoCreate));
    return {
      throttleTimeMs: 0,
      brokers: [{ nodeId, host: ctx.connection.listener.advertised.host, port: ctx.connection.listener.advertised.port, rack: null }],
      clusterId: state.clusterId,
      controllerId: nodeId,
      topics,
    };
  },
});

function lookUp(state: BrokerState, name: string, autoCreate: boolean) {
  const existing = state.topics.get(name);
  if (existing) return describeTopic(state, existing);
  const problem = topicNameProblem(name);
  if (problem) return missing(name, ErrorCode.INVALID_TOPIC_EXCEPTION);
  if (!autoCreate) return missing(name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  return describeTopic(state, state.topics.autoCreate(name));
}

function describeTopic(state: BrokerState, topic: Topic) {
  const nodeId = state.settings.nodeId;
  return {
    errorCode: 0,
    name: topic.name,
    isInternal: false,
    partitions: topic.partitions.map((_, partitionIndex) => ({
      errorCode: 0,
      partitionIndex,
      leaderId: nodeId,
      leaderEpoch: 0,
      replicaNodes: [nodeId],
      isrNodes: [nodeId],
      offlineReplicas: [],
    })),
  };
}

function missing(name: string, errorCode: number) {
  return { errorCode, name, isInternal: false, partitions: [] };
}
