import kafkajs from 'kafkajs';
import { gzipCompress, gzipDecompress } from './gzip-codec.js';
import { lz4Compress, lz4Decompress } from './lz4-codec.js';
import { snappyCompress, snappyDecompress } from './snappy-codec.js';
import { undecodableBatchRecords } from './undecodable-batch.js';
import { zstdCompress, zstdDecompress } from './zstd-codec.js';

/** A codec as kafkajs's plug-in table expects it: `compress` gets its encoder, `decompress` bytes. */
interface KafkajsCodec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(data: Buffer): Promise<Buffer>;
}

type Transform = (data: Buffer) => Buffer | Promise<Buffer>;

function codec(compress: Transform, decompress: Transform): KafkajsCodec {
  return {
    async compress(encoder) {
      return compress(encoder.buffer);
    },
    async decompress(data) {
      try {
        return await decompress(data);
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
  [kafkajs.CompressionTypes.GZIP]: codec(gzipCompress, gzipDecompress),
  [kafkajs.CompressionTypes.Snappy]: codec(snappyCompress, snappyDecompress),
  [kafkajs.CompressionTypes.LZ4]: codec(lz4Compress, lz4Decompress),
  [kafkajs.CompressionTypes.ZSTD]: codec(zstdCompress, zstdDecompress),
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
