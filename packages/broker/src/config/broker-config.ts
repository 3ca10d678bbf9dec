/**
 * Broker-wide settings, named as in Apache Kafka's server.properties and set with `--config k=v`.
 * Defaults follow Kafka's, except where an embedded single-node broker wants otherwise (noted).
 */
export interface BrokerSettings {
  nodeId: number;
  autoCreateTopics: boolean;
  numPartitions: number;
  socketRequestMaxBytes: number;
  messageMaxBytes: number;
  retentionCheckIntervalMs: number;
  groupInitialRebalanceDelayMs: number;
  groupMinSessionTimeoutMs: number;
  groupMaxSessionTimeoutMs: number;
  transactionMaxTimeoutMs: number;
  transactionAbortCheckIntervalMs: number;
  /** Every `--config` pair as given, so DescribeConfigs on the broker can show them. */
  raw: Record<string, string>;
}

/** Broker keys whose value becomes the default of a topic config (Kafka's `log.*` synonyms). */
export const topicDefaultSynonyms: Record<string, string> = {
  'log.segment.bytes': 'segment.bytes',
  'log.roll.ms': 'segment.ms',
  'log.retention.ms': 'retention.ms',
  'log.retention.bytes': 'retention.bytes',
  'log.flush.interval.messages': 'flush.messages',
  'log.flush.interval.ms': 'flush.ms',
  'log.index.interval.bytes': 'index.interval.bytes',
  'log.cleanup.policy': 'cleanup.policy',
  'log.message.timestamp.type': 'message.timestamp.type',
  'message.max.bytes': 'max.message.bytes',
  'compression.type': 'compression.type',
  'min.insync.replicas': 'min.insync.replicas',
};

const brokerKeys: Record<string, { default: string; kind: 'int' | 'bool' | 'string' }> = {
  'node.id': { default: '1', kind: 'int' },
  'broker.id': { default: '1', kind: 'int' },
  'auto.create.topics.enable': { default: 'true', kind: 'bool' },
  'num.partitions': { default: '1', kind: 'int' },
  'default.replication.factor': { default: '1', kind: 'int' },
  'socket.request.max.bytes': { default: String(100 * 1024 * 1024), kind: 'int' },
  'message.max.bytes': { default: '1048588', kind: 'int' },
  'log.retention.check.interval.ms': { default: '300000', kind: 'int' },
  // 0 rather than Kafka's 3000: one embedded node has no reason to wait for more members.
  'group.initial.rebalance.delay.ms': { default: '0', kind: 'int' },
  'group.min.session.timeout.ms': { default: '6000', kind: 'int' },
  'group.max.session.timeout.ms': { default: '1800000', kind: 'int' },
  'log.retention.hours': { default: '168', kind: 'int' },
  'transaction.max.timeout.ms': { default: '900000', kind: 'int' },
  'transaction.abort.timed.out.transaction.cleanup.interval.ms': { default: '10000', kind: 'int' },
};

export class ConfigError extends Error {}

/** Parses `k=v` pairs; unknown keys and bad values are errors that name the key. */
export function parseBrokerSettings(pairs: string[]): BrokerSettings {
  const raw: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new ConfigError(`--config "${pair}" is not of the form key=value`);
    const key = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const known = brokerKeys[key];
    if (!known && !(key in topicDefaultSynonyms)) {
      throw new ConfigError(
        `unknown broker config "${key}"; known: ${[...Object.keys(brokerKeys), ...Object.keys(topicDefaultSynonyms)].sort().join(', ')}`,
      );
    }
    if (known?.kind === 'int' && !/^-?\d+$/.test(value)) throw new ConfigError(`--config ${key} must be a whole number, got "${value}"`);
    if (known?.kind === 'bool' && value !== 'true' && value !== 'false') throw new ConfigError(`--config ${key} must be true or false, got "${value}"`);
    raw[key] = value;
  }
  const get = (k: string) => raw[k] ?? brokerKeys[k].default;
  const int = (k: string) => Number.parseInt(get(k), 10);
  return {
    nodeId: raw['node.id'] !== undefined ? int('node.id') : int('broker.id'),
    autoCreateTopics: get('auto.create.topics.enable') === 'true',
    numPartitions: int('num.partitions'),
    socketRequestMaxBytes: int('socket.request.max.bytes'),
    messageMaxBytes: int('message.max.bytes'),
    retentionCheckIntervalMs: int('log.retention.check.interval.ms'),
    groupInitialRebalanceDelayMs: int('group.initial.rebalance.delay.ms'),
    groupMinSessionTimeoutMs: int('group.min.session.timeout.ms'),
    groupMaxSessionTimeoutMs: int('group.max.session.timeout.ms'),
    transactionMaxTimeoutMs: int('transaction.max.timeout.ms'),
    transactionAbortCheckIntervalMs: int('transaction.abort.timed.out.transaction.cleanup.interval.ms'),
    raw,
  };
}

/** Broker settings as DescribeConfigs shows them for resource type BROKER. */
export function describeBrokerSettings(settings: BrokerSettings): { name: string; value: string; isDefault: boolean }[] {
  return Object.entries(brokerKeys).map(([name, k]) => ({
    name,
    value: settings.raw[name] ?? k.default,
    isDefault: !(name in settings.raw),
  }));
}
