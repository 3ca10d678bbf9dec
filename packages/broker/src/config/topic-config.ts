import type { BrokerSettings } from './broker-config.js';
import { topicDefaultSynonyms } from './broker-config.js';

/** One topic-level config as Kafka defines it: name, default, and what a valid value is. */
interface TopicConfigDef {
  default: string;
  validate(value: string): string | null; // an error message, or null when valid
}

const MAX_LONG = '9223372036854775807';

const long = (min: number) => (v: string) =>
  /^-?\d+$/.test(v) && Number(v) >= min ? null : `must be a whole number ≥ ${min}`;
const oneOf = (...allowed: string[]) => (v: string) =>
  allowed.includes(v) ? null : `must be one of ${allowed.join(', ')}`;
const between = (min: number, max: number) => (v: string) =>
  /^-?\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? null : `must be a whole number from ${min} to ${max}`;
const ratio = (v: string) => (/^\d*\.?\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 1 ? null : 'must be a number from 0 to 1');
const bool = oneOf('true', 'false');
const anyText = () => null;
const cleanupPolicy = (v: string) => {
  const parts = v.split(',').map((p) => p.trim());
  return parts.length > 0 && parts.every((p) => p === 'delete' || p === 'compact')
    ? null
    : 'must be delete, compact or compact,delete';
};
/** `*`, empty, or partition:broker pairs, as Kafka's throttled-replica lists. */
const throttledReplicas = (v: string) =>
  v.trim() === '' || v.trim() === '*' || /^\s*\d+:\d+(\s*,\s*\d+:\d+)*\s*$/.test(v)
    ? null
    : 'must be *, empty, or a list of partition:broker pairs such as 0:1,1:1';

/**
 * Every topic config of Apache Kafka 3.x/4.x. Those that mean something to a single embedded node
 * are honoured (segments, retention, flush, compaction, compression, timestamps, message size);
 * replication, remote storage, preallocation and down-conversion ones are stored and described so
 * that tools which set them work unchanged.
 */
export const topicConfigDefs: Record<string, TopicConfigDef> = {
  'cleanup.policy': { default: 'delete', validate: cleanupPolicy },
  'compression.type': { default: 'producer', validate: oneOf('producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd') },
  'compression.gzip.level': { default: '-1', validate: (v) => (v === '-1' ? null : between(1, 9)(v)) },
  'compression.lz4.level': { default: '9', validate: between(1, 17) },
  'compression.zstd.level': { default: '3', validate: between(-131072, 22) },
  'delete.retention.ms': { default: '86400000', validate: long(0) },
  'file.delete.delay.ms': { default: '60000', validate: long(0) },
  // Kafka's default is never (Long.MAX_VALUE, leaving it to the OS). An embedded broker on a laptop
  // fsyncs once a second, so a power cut costs at most a second; kill -9 costs nothing either way.
  'flush.messages': { default: MAX_LONG, validate: long(1) },
  'flush.ms': { default: '1000', validate: long(0) },
  'follower.replication.throttled.replicas': { default: '', validate: throttledReplicas },
  'index.interval.bytes': { default: '4096', validate: long(0) },
  'leader.replication.throttled.replicas': { default: '', validate: throttledReplicas },
  'local.retention.bytes': { default: '-2', validate: long(-2) },
  'local.retention.ms': { default: '-2', validate: long(-2) },
  'max.compaction.lag.ms': { default: MAX_LONG, validate: long(1) },
  'max.message.bytes': { default: '1048588', validate: long(0) },
  'message.downconversion.enable': { default: 'true', validate: bool },
  'message.format.version': { default: '3.0-IV1', validate: anyText },
  'message.timestamp.after.max.ms': { default: MAX_LONG, validate: long(0) },
  'message.timestamp.before.max.ms': { default: MAX_LONG, validate: long(0) },
  'message.timestamp.difference.max.ms': { default: MAX_LONG, validate: long(0) },
  'message.timestamp.type': { default: 'CreateTime', validate: oneOf('CreateTime', 'LogAppendTime') },
  'min.cleanable.dirty.ratio': { default: '0.5', validate: ratio },
  'min.compaction.lag.ms': { default: '0', validate: long(0) },
  'min.insync.replicas': { default: '1', validate: long(1) },
  preallocate: { default: 'false', validate: bool },
  'remote.log.copy.disable': { default: 'false', validate: bool },
  'remote.log.delete.on.disable': { default: 'false', validate: bool },
  'remote.storage.enable': { default: 'false', validate: oneOf('false') },
  'retention.bytes': { default: '-1', validate: long(-1) },
  'retention.ms': { default: '604800000', validate: long(-1) },
  'segment.bytes': { default: '1073741824', validate: long(14) },
  'segment.index.bytes': { default: '10485760', validate: long(4) },
  'segment.jitter.ms': { default: '0', validate: long(0) },
  'segment.ms': { default: '604800000', validate: long(1) },
  'unclean.leader.election.enable': { default: 'false', validate: oneOf('true', 'false') },
};

export class TopicConfigError extends Error {}

/** Checks config overrides for a topic; throws naming the first bad key and what is allowed. */
export function validateTopicConfigs(configs: Record<string, string>): void {
  for (const [name, value] of Object.entries(configs)) {
    const def = topicConfigDefs[name];
    if (!def) throw new TopicConfigError(`Unknown topic config name: ${name}`);
    const problem = def.validate(value);
    if (problem) throw new TopicConfigError(`Invalid value ${value} for configuration ${name}: ${problem}`);
  }
}

/** Where a topic config's effective value comes from, as DescribeConfigs' ConfigSource. */
export const ConfigSource = { DYNAMIC_TOPIC_CONFIG: 1, STATIC_BROKER_CONFIG: 4, DEFAULT_CONFIG: 5 } as const;

export interface EffectiveConfig {
  name: string;
  value: string;
  source: (typeof ConfigSource)[keyof typeof ConfigSource];
}

/** A topic's effective configs: its overrides, else the broker's `log.*` setting, else Kafka's default. */
export function effectiveTopicConfigs(overrides: Record<string, string>, broker: BrokerSettings): EffectiveConfig[] {
  const fromBroker: Record<string, string> = {};
  for (const [brokerKey, topicKey] of Object.entries(topicDefaultSynonyms)) {
    if (broker.raw[brokerKey] !== undefined) fromBroker[topicKey] = broker.raw[brokerKey];
  }
  if (broker.raw['log.retention.hours'] !== undefined && fromBroker['retention.ms'] === undefined) {
    fromBroker['retention.ms'] = String(Number(broker.raw['log.retention.hours']) * 3_600_000);
  }
  return Object.entries(topicConfigDefs).map(([name, def]) => {
    if (overrides[name] !== undefined) return { name, value: overrides[name], source: ConfigSource.DYNAMIC_TOPIC_CONFIG };
    if (fromBroker[name] !== undefined) return { name, value: fromBroker[name], source: ConfigSource.STATIC_BROKER_CONFIG };
    return { name, value: def.default, source: ConfigSource.DEFAULT_CONFIG };
  });
}

/** Numbers as the log wants them; Long.MAX_VALUE becomes Infinity. */
export function configNumber(configs: EffectiveConfig[], name: string): number {
  const value = configs.find((c) => c.name === name)!.value;
  return value === MAX_LONG ? Infinity : Number(value);
}
