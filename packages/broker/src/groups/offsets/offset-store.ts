import { OffsetLogFile, type OffsetLogger } from './offset-log.js';
import type { OffsetLogRecord } from './records.js';

export interface CommittedOffset {
  offset: number;
  leaderEpoch: number;
  metadata: string;
  commitTimestamp: number;
}

export interface OffsetToCommit {
  topic: string;
  partition: number;
  offset: number;
  leaderEpoch: number;
  metadata: string;
}

/** What survives a restart about a group besides its offsets. */
export interface StoredGroupMetadata {
  protocolType: string;
  generationId: number;
}

export interface OffsetStoreOptions {
  logger?: OffsetLogger;
  /** Compact once the file passes this size (and twice its size after the last compaction). */
  compactThresholdBytes?: number;
  /** fsync this long after the first unsynced write; -1 leaves it to close(). */
  flushIntervalMs?: number;
}

interface GroupEntry {
  metadata: StoredGroupMetadata | null;
  offsets: Map<string, Map<number, CommittedOffset>>;
}

const silentLogger: OffsetLogger = { info: () => {}, warn: () => {} };

/**
 * Committed offsets of all groups, kept in memory and made durable in an append-only log that is
 * replayed on open and compacted (rewritten with only the latest values) as it grows.
 */
export class OffsetStore {
  private readonly groups = new Map<string, GroupEntry>();
  private readonly file: OffsetLogFile;
  private readonly compactThresholdBytes: number;
  private sizeAfterCompaction: number;
  private readonly logger: OffsetLogger;

  private constructor(dir: string, opts: OffsetStoreOptions) {
    this.logger = opts.logger ?? silentLogger;
    this.compactThresholdBytes = opts.compactThresholdBytes ?? 64 * 1024 * 1024;
    this.file = OffsetLogFile.open(dir, (r) => this.apply(r), this.logger, opts.flushIntervalMs ?? 1000);
    this.sizeAfterCompaction = this.file.sizeBytes;
  }

  /** Opens the store in `dir` (e.g. `<dataDir>/__consumer_offsets`), replaying what is there. */
  static open(dir: string, opts: OffsetStoreOptions = {}): OffsetStore {
    return new OffsetStore(dir, opts);
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  hasGroup(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  groupMetadata(groupId: string): StoredGroupMetadata | null {
    return this.groups.get(groupId)?.metadata ?? null;
  }

  get(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.groups.get(groupId)?.offsets.get(topic)?.get(partition);
  }

  /** topic → partition → offset, for one group (empty if none). */
  offsets(groupId: string): ReadonlyMap<string, ReadonlyMap<number, CommittedOffset>> {
    return this.groups.get(groupId)?.offsets ?? new Map();
  }

  hasOffsets(groupId: string): boolean {
    const g = this.groups.get(groupId);
    if (!g) return false;
    for (const parts of g.offsets.values()) if (parts.size > 0) return true;
    return false;
  }

  /** Durable (written) when this returns. */
  commit(groupId: string, offsets: readonly OffsetToCommit[], commitTimestamp: number): void {
    const records: OffsetLogRecord[] = offsets.map((o) => ({ type: 'offset', groupId, commitTimestamp, ...o }));
    this.write(records);
  }

  /** Removes the given partitions' offsets; returns how many existed. */
  deleteOffsets(groupId: string, partitions: readonly { topic: string; partition: number }[]): number {
    const records: OffsetLogRecord[] = partitions
      .filter((p) => this.get(groupId, p.topic, p.partition) !== undefined)
      .map((p) => ({ type: 'offset-tombstone', groupId, topic: p.topic, partition: p.partition }));
    this.write(records);
    return records.length;
  }

  storeGroupMetadata(groupId: string, metadata: StoredGroupMetadata): void {
    const current = this.groupMetadata(groupId);
    if (current && current.protocolType === metadata.protocolType && current.generationId === metadata.generationId) return;
    this.write([{ type: 'group', groupId, ...metadata }]);
  }

  /** Forgets the group and all its offsets. */
  deleteGroup(groupId: string): void {
    if (!this.groups.has(groupId)) return;
    this.write([{ type: 'group-tombstone', groupId }]);
  }

  /** Rewrites the log with only the live state. */
  compact(): void {
    const before = this.file.sizeBytes;
    this.file.rewrite(this.snapshot());
    this.sizeAfterCompaction = this.file.sizeBytes;
    this.logger.info(`compacted committed offsets: ${before} → ${this.file.sizeBytes} bytes`);
  }

  get sizeBytes(): number {
    return this.file.sizeBytes;
  }

  close(): void {
    this.file.close();
  }

  private write(records: OffsetLogRecord[]): void {
    if (records.length === 0) return;
    this.file.append(records);
    for (const r of records) this.apply(r);
    const size = this.file.sizeBytes;
    if (size >= this.compactThresholdBytes && size >= 2 * this.sizeAfterCompaction) this.compact();
  }

  private snapshot(): OffsetLogRecord[] {
    const out: OffsetLogRecord[] = [];
    for (const [groupId, g] of this.groups) {
      if (g.metadata) out.push({ type: 'group', groupId, ...g.metadata });
      for (const [topic, parts] of g.offsets) {
        for (const [partition, o] of parts) out.push({ type: 'offset', groupId, topic, partition, ...o });
      }
    }
    return out;
  }

  private entry(groupId: string): GroupEntry {
    let g = this.groups.get(groupId);
    if (!g) {
      g = { metadata: null, offsets: new Map() };
      this.groups.set(groupId, g);
    }
    return g;
  }

  private apply(r: OffsetLogRecord): void {
    switch (r.type) {
      case 'offset': {
        const g = this.entry(r.groupId);
        let parts = g.offsets.get(r.topic);
        if (!parts) g.offsets.set(r.topic, (parts = new Map()));
        parts.set(r.partition, {
          offset: r.offset,
          leaderEpoch: r.leaderEpoch,
          metadata: r.metadata,
          commitTimestamp: r.commitTimestamp,
        });
        break;
      }
      case 'offset-tombstone': {
        const g = this.groups.get(r.groupId);
        const parts = g?.offsets.get(r.topic);
        parts?.delete(r.partition);
        if (parts && parts.size === 0) g!.offsets.delete(r.topic);
        break;
      }
      case 'group':
        this.entry(r.groupId).metadata = { protocolType: r.protocolType, generationId: r.generationId };
        break;
      case 'group-tombstone':
        this.groups.delete(r.groupId);
        break;
    }
  }
}
