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
}

export function recordPolicyOf(cleanupPolicy: string, compressionType: string): RecordPolicy {
  const storeAs = compressionType === 'producer' ? null : compressionType === 'uncompressed' ? 'none' : (compressionType as CodecName);
  if (storeAs !== null && !CODEC_NAMES.includes(storeAs)) throw new Error(`compression.type ${compressionType} is not a codec`);
  return { requireKeys: cleanupPolicy.split(',').some((p) => p.trim() === 'compact'), storeAs };
}

export function policyNeedsRecords(policy: RecordPolicy): boolean {
  return policy.requireKeys || policy.storeAs !== null;
}

export type PolicyResult = { ok: true; records: Buffer } | { ok: false; errorCode: number; message: string };

/**
 * Applies a topic's record policy to validated batches, as Kafka's log validator does: keyless
 * records on a compacted topic refuse the whole request (INVALID_RECORD), and a compression.type
 * other than `producer` rewrites each batch in that codec, keeping offsets deltas, timestamps,
 * producer id, epoch and sequence. Control batches are never rewritten.
 */
export async function applyRecordPolicy(policy: RecordPolicy, records: Buffer, topicPartition: string): Promise<PolicyResult> {
  const out: Buffer[] = [];
  let rewritten = false;
  for (const batch of iterateBatches(records)) {
    const target = policy.storeAs;
    const recode = target !== null && !batch.isControl && codecName(batch.compression) !== target;
    if (!policy.requireKeys && !recode) {
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
    if (recode) {
      out.push(await rewriteBatch(new RecordBatchHeader(batch.buf, batch.offset), decoded, target));
      rewritten = true;
    } else out.push(batch.bytes());
  }
  return { ok: true, records: rewritten ? Buffer.concat(out) : records };
}
