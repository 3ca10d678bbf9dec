import { codecCode, compressAsync, decompressAsync, type CodecName } from '@sluice/kafka-protocol';
import kafkajs from 'kafkajs';
import { undecodableBatchRecords } from './undecodable-batch.js';

/** A codec as kafkajs's plug-in table expects it: `compress` gets its encoder, `decompress` bytes. */
interface KafkajsCodec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(data: Buffer): Promise<Buffer>;
}

// The codecs themselves are the broker's (@sluice/kafka-protocol): one implementation of each,
// snappy's Java framing included, for the broker, the runtime, the CLI and the server.
function codec(name: CodecName): KafkajsCodec {
  const code = codecCode(name);
  return {
    async compress(encoder) {
      return compressAsync(encoder.buffer, name);
    },
    async decompress(data) {
      try {
        return await decompressAsync(data, code);
      } catch (err) {
        return undecodableBatchRecords(data, err instanceof Error ? err.message : String(err), err);
      }
    },
  };
}

// Attribute values 5–7 name no codec; a batch marked with one is reported, not misread as plain.
function unknownCodec(id: number): KafkajsCodec {
  return {
    compress: () => Promise.reject(new Error(`compression codec ${id} does not exist`)),
    decompress: async (data) => {
      const problem = `the batch names compression codec ${id}, which Kafka does not define`;
      return undecodableBatchRecords(data, problem, new Error(problem));
    },
  };
}

const CODECS: Record<number, KafkajsCodec> = {
  [kafkajs.CompressionTypes.GZIP]: codec('gzip'),
  [kafkajs.CompressionTypes.Snappy]: codec('snappy'),
  [kafkajs.CompressionTypes.LZ4]: codec('lz4'),
  [kafkajs.CompressionTypes.ZSTD]: codec('zstd'),
  5: unknownCodec(5),
  6: unknownCodec(6),
  7: unknownCodec(7),
};

let registered = false;

/**
 * Plugs gzip, snappy, lz4 and zstd into kafkajs (its codec table is one per process), so every
 * kafkajs client in the process reads and writes all of them. Safe to call more than once.
 */
export function registerKafkaCodecs(): void {
  if (registered) return;
  const table = kafkajs.CompressionCodecs as unknown as Record<number, () => KafkajsCodec>;
  for (const [id, impl] of Object.entries(CODECS)) table[Number(id)] = () => impl;
  registered = true;
}
