import { gunzipSync, gzipSync } from 'node:zlib';
import { CompressionType } from './batch-header.js';
import { RecordFormatError } from './varint.js';

/**
 * Compression of the records section for batches this codebase builds or decodes itself. The
 * broker stores producers' batches as sent, so only gzip (built into Node) is supported here.
 */
export type BuildCompression = 'none' | 'gzip';

const NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

export function compressionCode(name: BuildCompression): number {
  return name === 'gzip' ? CompressionType.gzip : CompressionType.none;
}

export function compressRecords(records: Buffer, name: BuildCompression): Buffer {
  return name === 'gzip' ? gzipSync(records) : records;
}

export function decompressRecords(data: Buffer, code: number): Buffer {
  if (code === CompressionType.none) return data;
  if (code === CompressionType.gzip) {
    try {
      return gunzipSync(data);
    } catch (err) {
      throw new RecordFormatError(`gzip records section does not inflate: ${(err as Error).message}`);
    }
  }
  const name = NAMES[code] ?? `unknown codec ${code}`;
  throw new RecordFormatError(`cannot decode ${name}-compressed records here; only uncompressed and gzip batches are supported`);
}
