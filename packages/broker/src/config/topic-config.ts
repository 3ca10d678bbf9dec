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
const cleanupPolicy = (v: string) => {
  const parts = v.split(',').map((p) => p.trim());
  return parts.length > 0 && parts.every((p) => p === 'delete' || p === 'compact')
    ? null
    : 'must be delete, compact or compact,delete';
};

export const topicConfigDefs: Record<string, TopicConfigDef> = {
  'cleanup.policy': { default: 'delete', validate: cleanupPolicy },
  'compression.type': { default: 'producer', validate: oneOf('producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd') },
  'delete.retention.ms': { default: '86400000', validate: long(0) },
  'file.delete.delay.ms': { default: '60000', validate: long(0) },
  // Kafka's default is never (Long.MAX_VALUE, leaving it to the OS). An embedded broker on a laptop
  // fsyncs once a second, so a power cut costs at most a second; kill -9 costs nothing either way.
  'flush.messages': { default: MAX_LONG, validate: long(1) },
  'flush.ms': { default: '1000', validate: long(0) },
  'index.interval.bytes': { default: '4096', validate: long(0) },
  'max.message.bytes': { default: '1048588', validate: long(0) },
  'message.timestamp.type': { default: 'CreateTime', validate: oneOf('CreateTime', 'LogAppendTime') },
  'min.insync.replicas': { default: '1', validate: long(1) },
  'retention.bytes': { default: '-1', validate: long(-1) },
  'retention.ms': { default: '604800000', validate: long(-1) },
  'segment.bytes': { default: '1073741824', validate: long(14) },
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
