import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RecordBatchHeader, validateBatch } from './batch-header.js';
import { buildRecordBatch } from './record-batch-builder.js';
import { decodeRecords } from './record-decoder.js';

// Cross-checks the codec against a real client's encoder and decoder (kafkajs internals).
const require = createRequire(import.meta.url);
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js');
const RecordBatchDecoder = require('kafkajs/src/protocol/recordBatch/v0/decoder.js');
const Decoder = require('kafkajs/src/protocol/decoder.js');
const Long = require('kafkajs/src/utils/long.js');

interface KafkajsRecord {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer>;
}

describe('interoperability with kafkajs', () => {
  for (const [name, code] of [['none', 0], ['gzip', 1]] as const) {
    it(`validates and decodes a kafkajs-encoded batch (${name})`, async () => {
      const base = 1_700_000_000_000;
      const records = [
        Record({ offsetDelta: 0, timestampDelta: 0, key: Buffer.from('a'), value: Buffer.from('first'), headers: { h: 'x' } }),
        Record({ offsetDelta: 1, timestampDelta: 25, key: null, value: Buffer.from('second') }),
      ];
      const encoder = await RecordBatch({
        compression: code,
        firstTimestamp: base,
        maxTimestamp: base + 25,
        lastOffsetDelta: 1,
        records,
      });
      const batch: Buffer = encoder.buffer;
      expect(validateBatch(batch).ok).toBe(true);
      const header = new RecordBatchHeader(batch);
      expect(header.compression).toBe(code);
      expect(header.lastOffset).toBe(1);
      const out = decodeRecords(batch);
      expect(out.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString()])).toEqual([
        [0, base, 'a', 'first'],
        [1, base + 25, null, 'second'],
      ]);
      expect(out[0].headers.map((h) => [h.key, h.value?.toString()])).toEqual([['h', 'x']]);
    });
  }

  it('builds batches kafkajs decodes', async () => {
    const batch = buildRecordBatch(
      [
        { key: 'k', value: 'v1', timestamp: 1000, headers: [{ key: 'trace', value: 'abc' }] },
        { key: null, value: 'v2', timestamp: 1010 },
      ],
      { baseOffset: 77, compression: 'gzip' },
    );
    const decoded = await RecordBatchDecoder(new Decoder(batch));
    const out = decoded.records as KafkajsRecord[];
    expect(decoded.firstOffset).toBe(Long.fromNumber(77).toString());
    expect(out.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString()])).toEqual([
      ['77', '1000', 'k', 'v1'],
      ['78', '1010', null, 'v2'],
    ]);
    expect(out[0].headers.trace.toString()).toBe('abc');
  });
});
