import {
  CODEC_NAMES,
  ErrorCode,
  RecordBatchHeader,
  RecordFormatError,
  codecName,
  decodeRecordsAsync,
  iterateBatches,
  rewriteBatch,
  type CodecName,
} from '@sluice/kafka-protocol';

/** What a topic's configs ask of every produced batch beyond the checks every topic makes. */
export interface RecordPolicy {
  /** cleanup.policy includes compact: every record needs a key. */
  requireKeys: boolean;
  /** compression.type: null for `producer` (batches kept as sent), else the codec to store in. */
  storeAs: CodecName | null;
  /**
   * How far a CreateTime record may lie before / after the broker's clock
   * (message.timestamp.before.max.ms / after.max.ms, each capped by difference.max.ms); Infinity
   * when unlimited, and for LogAppendTime topics.
   */
  maxTimestampBeforeMs: number;
  maxTimestampAfterMs: number;
}

export interface PolicyConfigs {
  cleanupPolicy: string;
  compressionType: string;
  logAppendTime: boolean;
  timestampBeforeMaxMs: number;
  timestampAfterMaxMs: number;
  timestampDifferenceMaxMs: number;
}

export function recordPolicyOf(c: PolicyConfigs): RecordPolicy {
  const storeAs = c.compressionType === 'producer' ? null : c.compressionType === 'uncompressed' ? 'none' : (c.compressionType as CodecName);
  if (storeAs !== null && !CODEC_NAMES.includes(storeAs)) throw new Error(`compression.type ${c.compressionType} is not a codec`);
  return {
    requireKeys: c.cleanupPolicy.split(',').some((p) => p.trim() === 'compact'),
    storeAs,
    maxTimestampBeforeMs: c.logAppendTime ? Infinity : Math.min(c.timestampBeforeMaxMs, c.timestampDifferenceMaxMs),
    maxTimestampAfterMs: c.logAppendTime ? Infinity : Math.min(c.timestampAfterMaxMs, c.timestampDifferenceMaxMs),
  };
}

function checksTimestamps(policy: RecordPolicy): boolean {
  return Number.isFinite(policy.maxTimestampBeforeMs) || Number.isFinite(policy.maxTimestampAfterMs);
}

export function policyNeedsRecords(policy: RecordPolicy): boolean {
  return policy.requireKeys || policy.storeAs !== null || checksTimestamps(policy);
}

export type PolicyResult = { ok: true; records: Buffer } | { ok: false; errorCode: number; message: string };

/**
 * Applies a topic's record policy to validated batches, as Kafka's log validator does: keyless
 * records on a compacted topic refuse the whole request (INVALID_RECORD), so do CreateTime
 * timestamps beyond the topic's limits (INVALID_TIMESTAMP), and a compression.type
 * other than `producer` rewrites each batch in that codec, keeping offsets deltas, timestamps,
 * producer id, epoch and sequence. Control batches are never rewritten.
 */
export async function applyRecordPolicy(policy: RecordPolicy, records: Buffer, topicPartition: string): Promise<PolicyResult> {
  const out: Buffer[] = [];
  let rewritten = false;
  for (const batch of iterateBatches(records)) {
    const target = policy.storeAs;
    const recode = target !== null && !batch.isControl && codecName(batch.compression) !== target;
    if (!policy.requireKeys && !recode && !checksTimestamps(policy)) {
      out.push(batch.bytes());
      continue;
    }
    let decoded;
    try {
      decoded = await decodeRecordsAsync(batch.buf, batch.offset);
    } catch (err) {
      if (!(err instanceof RecordFormatError)) throw err;
      return { ok: false, errorCode: ErrorCode.CORRUPT_MESSAGE, message: `${topicPartition}: ${err.message}` };
    }
    if (policy.requireKeys && !batch.isControl) {
      const keyless = decoded.findIndex((r) => r.key === null);
      if (keyless >= 0) {
        return {
          ok: false,
          errorCode: ErrorCode.INVALID_RECORD,
          message: `${topicPartition} is compacted (cleanup.policy=compact): record ${keyless} of the batch has no key; give every record a key, or use a topic with cleanup.policy=delete`,
        };
      }
    }
    if (checksTimestamps(policy) && !batch.isControl) {
      const now = Date.now();
      const off = decoded.find((r) => r.timestamp < now - policy.maxTimestampBeforeMs || r.timestamp > now + policy.maxTimestampAfterMs);
      if (off) {
        return {
          ok: false,
          errorCode: ErrorCode.INVALID_TIMESTAMP,
          message: `${topicPartition}: record timestamp ${off.timestamp} is more than ${off.timestamp < now ? `message.timestamp.before.max.ms (${policy.maxTimestampBeforeMs}) before` : `message.timestamp.after.max.ms (${policy.maxTimestampAfterMs}) after`} the broker's clock (${now}); fix the producer's clock or timestamps, or raise the topic's limit`,
        };
      }
    }
    if (recode) {
      out.push(await rewriteBatch(new RecordBatchHeader(batch.buf, batch.offset), decoded, target));
      rewritten = true;
    } else out.push(batch.bytes());
  }
  return { ok: true, records: rewritten ? Buffer.concat(out) : records };
}
