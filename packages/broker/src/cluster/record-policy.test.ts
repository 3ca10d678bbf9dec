import { describe, expect, it } from 'vitest';
import { ErrorCode, RecordBatchHeader, buildRecordBatch, decodeRecordsAsync, validateBatch } from '@sluice/kafka-protocol';
import { applyRecordPolicy, policyNeedsRecords, recordPolicyOf, type PolicyConfigs } from './record-policy.js';

const NEVER = Infinity;
const policy = (c: Partial<PolicyConfigs>) =>
  recordPolicyOf({
    cleanupPolicy: 'delete',
    compressionType: 'producer',
    logAppendTime: false,
    timestampBeforeMaxMs: NEVER,
    timestampAfterMaxMs: NEVER,
    timestampDifferenceMaxMs: NEVER,
    ...c,
  });

describe('record policy', () => {
  it('leaves a plain topic’s batches alone, without decoding them', () => {
    expect(policyNeedsRecords(policy({}))).toBe(false);
  });

  it('refuses keyless records on a compacted topic, and accepts keyed ones as they are', async () => {
    const compact = policy({ cleanupPolicy: 'compact,delete' });
    const keyless = await applyRecordPolicy(compact, buildRecordBatch([{ key: 'a', value: '1' }, { value: '2' }]), 't-0');
    expect(keyless).toMatchObject({ ok: false, errorCode: ErrorCode.INVALID_RECORD });
    expect(!keyless.ok && keyless.message).toMatch(/record 1 of the batch has no key/);
    const keyed = buildRecordBatch([{ key: 'a', value: '1' }]);
    expect(await applyRecordPolicy(compact, keyed, 't-0')).toEqual({ ok: true, records: keyed });
  });

  it('recompresses into the topic’s codec, keeping producer id, epoch and sequence', async () => {
    const sent = Buffer.concat([
      buildRecordBatch([{ key: 'a', value: 'x'.repeat(100) }], { producerId: 4, producerEpoch: 1, baseSequence: 7 }),
      buildRecordBatch([{ key: 'b', value: 'y' }, { key: 'c', value: 'z' }], { compression: 'gzip' }),
    ]);
    const result = await applyRecordPolicy(policy({ compressionType: 'zstd' }), sent, 't-0');
    if (!result.ok) throw new Error(result.message);
    const first = new RecordBatchHeader(result.records, 0);
    const second = new RecordBatchHeader(result.records, first.sizeInBytes);
    expect([first.compression, first.producerId, first.producerEpoch, first.baseSequence]).toEqual([4, 4, 1, 7]);
    expect([second.compression, second.recordCount, second.lastOffsetDelta]).toEqual([4, 2, 1]);
    expect(validateBatch(result.records, 0).ok && validateBatch(result.records, first.sizeInBytes).ok).toBe(true);
    expect((await decodeRecordsAsync(result.records, first.sizeInBytes)).map((r) => r.value?.toString())).toEqual(['y', 'z']);
    const unchanged = await applyRecordPolicy(policy({ compressionType: 'gzip' }), sent.subarray(new RecordBatchHeader(sent).sizeInBytes), 't-0');
    expect(unchanged.ok && new RecordBatchHeader(unchanged.records).compression).toBe(1);
  });

  it('refuses CreateTime timestamps beyond message.timestamp.before/after.max.ms, but not for LogAppendTime topics', async () => {
    const old = buildRecordBatch([{ key: 'a', value: '1', timestamp: Date.now() - 3_600_000 }]);
    const limited = policy({ timestampDifferenceMaxMs: 60_000 });
    expect(await applyRecordPolicy(limited, old, 't-0')).toMatchObject({ ok: false, errorCode: ErrorCode.INVALID_TIMESTAMP });
    expect(await applyRecordPolicy(policy({ timestampAfterMaxMs: 60_000 }), old, 't-0')).toMatchObject({ ok: true });
    expect(policyNeedsRecords(policy({ timestampDifferenceMaxMs: 60_000, logAppendTime: true }))).toBe(false);
  });
});
