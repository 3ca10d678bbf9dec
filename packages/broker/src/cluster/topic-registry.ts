import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrokerSettings } from '../config/broker-config.js';
import { configNumber, effectiveTopicConfigs, validateTopicConfigs, type EffectiveConfig } from '../config/topic-config.js';
import { PartitionLog, type LogConfig } from '../log/index.js';
import type { Logger } from '../logger.js';
import { writeFileAtomic } from './atomic-file.js';
import { recordPolicyOf, type RecordPolicy } from './record-policy.js';
import { topicNameProblem } from './topic-name.js';

export interface Topic {
  name: string;
  id: string;
  /** Config overrides set on this topic (CreateTopics / AlterConfigs). */
  configs: Record<string, string>;
  partitions: PartitionLog[];
  /** What Produce checks on every batch, derived from the effective configs when they change. */
  limits: { maxMessageBytes: number; logAppendTime: boolean; policy: RecordPolicy };
}

/** A failed topic operation, carrying the Kafka error name the handler answers with. */
export class TopicError extends Error {
  constructor(
    readonly errorName:
      | 'TOPIC_ALREADY_EXISTS'
      | 'INVALID_TOPIC_EXCEPTION'
      | 'INVALID_PARTITIONS'
      | 'INVALID_REPLICATION_FACTOR'
      | 'INVALID_CONFIG'
      | 'POLICY_VIOLATION'
      | 'UNKNOWN_TOPIC_OR_PARTITION',
    message: string,
  ) {
    super(message);
  }
}

interface ManifestEntry {
  name: string;
  id: string;
  partitions: number;
  configs: Record<string, string>;
}

const MANIFEST = 'topics.json';
/** Longest stretch spent opening partition logs before other clients get a turn. */
const SLICE_MS = 5;

/**
 * Every topic of the broker and its partition logs. The manifest (`topics.json`, replaced
 * atomically) is the truth: a partition directory it does not name is debris from a crash during
 * create or delete, and is removed at start.
 */
export class TopicRegistry {
  private readonly topics = new Map<string, Topic>();
  private readonly deletedListeners: ((topic: string) => void)[] = [];
  /** Topics whose partitions are being created, with how many: they count against the broker's cap. */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly dataDir: string,
    private readonly settings: BrokerSettings,
    private readonly logger: Logger,
  ) {}

  /** Loads the manifest and recovers every partition log. */
  open(): void {
    mkdirSync(this.dataDir, { recursive: true });
    const path = join(this.dataDir, MANIFEST);
    const entries: ManifestEntry[] = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).topics : [];
    for (const e of entries) {
      const topic: Topic = { name: e.name, id: e.id, configs: e.configs, partitions: [], limits: this.limitsOf(e.configs) };
      const logConfig = this.logConfigOf(topic);
      for (let p = 0; p < e.partitions; p++) {
        topic.partitions.push(PartitionLog.open(this.partitionDir(e.name, p), logConfig, this.logger));
      }
      this.topics.set(e.name, topic);
    }
    this.removeDebris();
  }

  get dataDirectory(): string {
    return this.dataDir;
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  list(): Topic[] {
    return [...this.topics.values()];
  }

  partition(topic: string, partition: number): PartitionLog | undefined {
    return this.topics.get(topic)?.partitions[partition];
  }

  /** Checks a create request without doing it (CreateTopics validateOnly, and before create). */
  checkCreate(name: string, partitions: number, replicationFactor: number, configs: Record<string, string>): void {
    const nameProblem = topicNameProblem(name);
    if (nameProblem) throw new TopicError('INVALID_TOPIC_EXCEPTION', nameProblem);
    if (this.topics.has(name) || this.pending.has(name)) throw new TopicError('TOPIC_ALREADY_EXISTS', `Topic '${name}' already exists.`);
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new TopicError('INVALID_PARTITIONS', `Number of partitions must be larger than 0, got ${partitions}.`);
    }
    this.checkBrokerCap(partitions);
    if (replicationFactor !== 1) {
      throw new TopicError(
        'INVALID_REPLICATION_FACTOR',
        `Replication factor ${replicationFactor} is larger than the 1 broker of Sluice's embedded broker: ` +
          'use --replication-factor 1, or point --bootstrap-server at a real Kafka cluster for replication.',
      );
    }
    try {
      validateTopicConfigs(configs);
    } catch (e) {
      throw new TopicError('INVALID_CONFIG', (e as Error).message);
    }
  }

  /**
   * Creates a topic, opening its partition logs a slice at a time so that other connections are
   * served meanwhile. The topic exists (and is in the manifest) only once every partition is open;
   * a crash before that leaves directories that open() removes as debris.
   */
  async create(name: string, partitions: number, replicationFactor: number, configs: Record<string, string>): Promise<Topic> {
    this.checkCreate(name, partitions, replicationFactor, configs);
    const topic: Topic = { name, id: randomUUID(), configs: { ...configs }, partitions: [], limits: this.limitsOf(configs) };
    this.pending.set(name, partitions);
    try {
      topic.partitions = await this.openPartitions(name, 0, partitions, this.logConfigOf(topic));
    } finally {
      this.pending.delete(name);
    }
    this.topics.set(name, topic);
    this.saveManifest();
    this.logger.info(`created topic ${name} with ${partitions} partition(s)`);
    return topic;
  }

  /** Creates a topic with the broker's defaults (auto-creation on Metadata, as Kafka does). */
  autoCreate(name: string): Topic {
    const partitions = this.settings.numPartitions;
    this.checkCreate(name, partitions, 1, {});
    const topic: Topic = { name, id: randomUUID(), configs: {}, partitions: [], limits: this.limitsOf({}) };
    const logConfig = this.logConfigOf(topic);
    for (let p = 0; p < partitions; p++) topic.partitions.push(PartitionLog.open(this.partitionDir(name, p), logConfig, this.logger));
    this.topics.set(name, topic);
    this.saveManifest();
    this.logger.info(`created topic ${name} with ${partitions} partition(s)`);
    return topic;
  }

  delete(name: string): void {
    const topic = this.require(name);
    this.topics.delete(name);
    this.saveManifest(); // from here on the topic is gone, even if removing its files is cut short
    for (const log of topic.partitions) log.delete();
    for (const listener of this.deletedListeners) listener(name);
    this.logger.info(`deleted topic ${name}`);
  }

  /** Calls `listener` after each topic deletion (the group coordinator drops its offsets). */
  onTopicDeleted(listener: (topic: string) => void): void {
    this.deletedListeners.push(listener);
  }

  checkAddPartitions(name: string, count: number): Topic {
    const topic = this.require(name);
    const current = topic.partitions.length;
    if (count <= current) {
      throw new TopicError(
        'INVALID_PARTITIONS',
        count === current
          ? `Topic already has ${current} partitions.`
          : `Topic currently has ${current} partitions, which is higher than the requested ${count}.`,
      );
    }
    if (this.pending.has(name)) {
      throw new TopicError('INVALID_PARTITIONS', `Partitions of topic '${name}' are being added by another request; retry when it is answered.`);
    }
    this.checkBrokerCap(count - current);
    return topic;
  }

  /** Grows a topic, opening the new partition logs a slice at a time (see create). */
  async addPartitions(name: string, count: number): Promise<void> {
    const topic = this.checkAddPartitions(name, count);
    const from = topic.partitions.length;
    this.pending.set(name, count - from);
    let added: PartitionLog[];
    try {
      added = await this.openPartitions(name, from, count, this.logConfigOf(topic));
    } finally {
      this.pending.delete(name);
    }
    if (this.topics.get(name) !== topic) {
      for (const log of added) log.delete();
      throw new TopicError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' was deleted while its partitions were being added.`);
    }
    topic.partitions.push(...added);
    this.saveManifest();
    this.logger.info(`topic ${name} now has ${count} partitions`);
  }

  /** AlterConfigs semantics: the given set replaces every override the topic had. */
  replaceConfigs(name: string, configs: Record<string, string>, validateOnly: boolean): void {
    const topic = this.require(name);
    try {
      validateTopicConfigs(configs);
    } catch (e) {
      throw new TopicError('INVALID_CONFIG', (e as Error).message);
    }
    if (validateOnly) return;
    topic.configs = { ...configs };
    topic.limits = this.limitsOf(configs);
    const logConfig = this.logConfigOf(topic);
    for (const log of topic.partitions) log.updateConfig(logConfig);
    this.saveManifest();
  }

  effectiveConfigs(topic: Topic): EffectiveConfig[] {
    return effectiveTopicConfigs(topic.configs, this.settings);
  }

  /** Every partition log of every topic. */
  *allPartitions(): Generator<PartitionLog> {
    for (const topic of this.topics.values()) yield* topic.partitions;
  }

  applyRetention(now: number): void {
    for (const topic of this.topics.values()) for (const log of topic.partitions) log.applyRetention(now);
  }

  close(): void {
    for (const topic of this.topics.values()) for (const log of topic.partitions) log.close();
  }

  private require(name: string): Topic {
    const topic = this.topics.get(name);
    if (!topic) throw new TopicError('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist.`);
    return topic;
  }

  private limitsOf(overrides: Record<string, string>): Topic['limits'] {
    const c = effectiveTopicConfigs(overrides, this.settings);
    return {
      maxMessageBytes: configNumber(c, 'max.message.bytes'),
      logAppendTime: c.find((x) => x.name === 'message.timestamp.type')!.value === 'LogAppendTime',
      policy: recordPolicyOf({
        cleanupPolicy: c.find((x) => x.name === 'cleanup.policy')!.value,
        compressionType: c.find((x) => x.name === 'compression.type')!.value,
        logAppendTime: c.find((x) => x.name === 'message.timestamp.type')!.value === 'LogAppendTime',
        timestampBeforeMaxMs: configNumber(c, 'message.timestamp.before.max.ms'),
        timestampAfterMaxMs: configNumber(c, 'message.timestamp.after.max.ms'),
        timestampDifferenceMaxMs: configNumber(c, 'message.timestamp.difference.max.ms'),
      }),
    };
  }

  private logConfigOf(topic: Topic): LogConfig {
    const c = this.effectiveConfigs(topic);
    return {
      segmentBytes: configNumber(c, 'segment.bytes'),
      segmentMs: configNumber(c, 'segment.ms'),
      retentionMs: configNumber(c, 'retention.ms'),
      retentionBytes: configNumber(c, 'retention.bytes'),
      flushMessages: configNumber(c, 'flush.messages'),
      flushMs: configNumber(c, 'flush.ms'),
      indexIntervalBytes: configNumber(c, 'index.interval.bytes'),
      cleanupPolicy: cleanupPolicyOf(c.find((x) => x.name === 'cleanup.policy')!.value),
      deleteRetentionMs: configNumber(c, 'delete.retention.ms'),
      minCleanableDirtyRatio: configNumber(c, 'min.cleanable.dirty.ratio'),
      minCompactionLagMs: configNumber(c, 'min.compaction.lag.ms'),
      maxCompactionLagMs: configNumber(c, 'max.compaction.lag.ms'),
    };
  }

  /** Partitions held plus those being created. */
  get partitionCount(): number {
    let n = 0;
    for (const t of this.topics.values()) n += t.partitions.length;
    for (const p of this.pending.values()) n += p;
    return n;
  }

  private checkBrokerCap(adding: number): void {
    const cap = this.settings.maxBrokerPartitions;
    const current = this.partitionCount;
    if (current + adding > cap) {
      throw new TopicError(
        'POLICY_VIOLATION',
        `Adding ${adding} partition(s) to the ${current} this broker holds would pass its max.broker.partitions (${cap}): ` +
          'delete unused topics, use fewer partitions, or raise it with --config max.broker.partitions=N.',
      );
    }
  }

  private async openPartitions(name: string, from: number, to: number, config: LogConfig): Promise<PartitionLog[]> {
    const logs: PartitionLog[] = [];
    try {
      let sliceStart = performance.now();
      for (let p = from; p < to; p++) {
        logs.push(PartitionLog.open(this.partitionDir(name, p), config, this.logger));
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
      }
    } catch (err) {
      for (const log of logs) log.delete();
      throw err;
    }
    return logs;
  }

  private partitionDir(topic: string, partition: number): string {
    return join(this.dataDir, `${topic}-${partition}`);
  }

  private saveManifest(): void {
    const topics: ManifestEntry[] = this.list().map((t) => ({
      name: t.name,
      id: t.id,
      partitions: t.partitions.length,
      configs: t.configs,
    }));
    writeFileAtomic(join(this.dataDir, MANIFEST), JSON.stringify({ version: 1, topics }, null, 2));
  }

  /** Partition directories that no topic owns: left by a crash in the middle of create or delete. */
  private removeDebris(): void {
    const owned = new Set<string>();
    for (const t of this.topics.values()) t.partitions.forEach((_, p) => owned.add(`${t.name}-${p}`));
    for (const entry of readdirSync(this.dataDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('__') || !/^.+-\d+$/.test(entry.name) || owned.has(entry.name)) continue;
      this.logger.warn(`removing partition directory ${entry.name}: no topic in ${MANIFEST} owns it`);
      rmSync(join(this.dataDir, entry.name), { recursive: true, force: true });
    }
  }
}

function cleanupPolicyOf(value: string): LogConfig['cleanupPolicy'] {
  const parts = new Set(value.split(',').map((p) => p.trim()));
  if (parts.has('compact')) return parts.has('delete') ? 'compact,delete' : 'compact';
  return 'delete';
}
