/**
 * Per-partition log settings, the topic configs of the same names in Kafka (segment.bytes,
 * segment.ms, retention.ms, retention.bytes, flush.messages, flush.ms, index.interval.bytes,
 * cleanup.policy). Parsing and defaults from topic configs live with the topic registry.
 */
export interface LogConfig {
  /** Roll to a new segment before one would grow past this (capped at MAX_SEGMENT_BYTES). */
  segmentBytes: number;
  /** Roll when a batch's timestamp is this far past the first batch of the segment (Kafka's rule). */
  segmentMs: number;
  /** Delete sealed segments whose newest batch is older than this; -1 keeps data forever. */
  retentionMs: number;
  /** Delete the oldest sealed segments while the rest still hold this much; -1 means no limit. */
  retentionBytes: number;
  /** fsync after this many records since the last fsync; Infinity leaves it to flushMs. */
  flushMessages: number;
  /** fsync this long after the first record not yet fsynced; 0 on every append; < 0 or Infinity never (close still does). */
  flushMs: number;
  /** Bytes of batches between two offset-index entries. */
  indexIntervalBytes: number;
  /** 'compact' alone disables deletion by retention; 'compact' and 'compact,delete' are cleaned. */
  cleanupPolicy?: 'delete' | 'compact' | 'compact,delete';
  /** How long a tombstone stays after the cleaner first passed over it (delete.retention.ms). */
  deleteRetentionMs?: number;
  /** Clean once dirty bytes / all cleanable bytes reach this (min.cleanable.dirty.ratio). */
  minCleanableDirtyRatio?: number;
  /** A record stays uncompacted at least this long after its timestamp (min.compaction.lag.ms). */
  minCompactionLagMs?: number;
  /** A dirty record older than this is cleaned whatever the ratio (max.compaction.lag.ms). */
  maxCompactionLagMs?: number;
}

/** Whether the log cleaner compacts this log. */
export function isCompacted(config: LogConfig): boolean {
  return config.cleanupPolicy === 'compact' || config.cleanupPolicy === 'compact,delete';
}

/**
 * Kafka's defaults, except flushMs: Kafka leaves fsync to the OS and relies on replication; a
 * single embedded node fsyncs once a second instead, so a power cut loses at most about a second.
 * A crash of the process alone (kill -9) loses nothing: appended bytes are in the page cache.
 */
export const DEFAULT_LOG_CONFIG: LogConfig = {
  segmentBytes: 1024 * 1024 * 1024,
  segmentMs: 7 * 24 * 3600 * 1000,
  retentionMs: 7 * 24 * 3600 * 1000,
  retentionBytes: -1,
  flushMessages: Infinity,
  flushMs: 1000,
  indexIntervalBytes: 4096,
  cleanupPolicy: 'delete',
  deleteRetentionMs: 24 * 3600 * 1000,
  minCleanableDirtyRatio: 0.5,
  minCompactionLagMs: 0,
  maxCompactionLagMs: Infinity,
};

/** Index positions are int32, so a segment never grows past this (a single oversized batch aside). */
export const MAX_SEGMENT_BYTES = 0x7fff_ffff;
