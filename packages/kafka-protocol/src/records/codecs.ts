import { gunzipSync, gzipSync } from 'node:zlib';
import { compress as zstdCompress, decompress as zstdDecompress } from '@mongodb-js/zstd';
import { compressFrameSync as lz4CompressFrame, decompressFrameSync as lz4DecompressFrame } from 'lz4-napi';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';
import { CompressionType } from './batch-header.js';
import { RecordFormatError } from './varint.js';

/** Every codec a Kafka producer may use, by the name topic configs give it. */
export type CodecName = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

export const CODEC_NAMES: readonly CodecName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];


/** Java producers frame snappy the way snappy-java does: this header, then length-prefixed blocks. */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_SIZE = 16;

export function codecName(code: number): CodecName {
  const name = CODEC_NAMES[code];
  if (name === undefined) throw new RecordFormatError(`unknown compression codec ${code} in batch attributes`);
  return name;
}

export function codecCode(name: CodecName): number {
  return CompressionType[name];
}

/**
 * Inflates a records section with any codec. A section is one batch (at most max.message.bytes),
 * which the native codecs handle in well under a millisecond, so gzip, snappy and lz4 run inline
 * (a thread-pool hop per batch costs more than the work); zstd has only an asynchronous binding,
 * hence one async door for all.
 */
export async function decompressAsync(data: Buffer, code: number): Promise<Buffer> {
  const name = codecName(code);
  try {
    switch (name) {
      case 'none':
        return data;
      case 'gzip':
        return gunzipSync(data);
      case 'snappy':
        return unsnappy(data);
      case 'lz4':
        return lz4DecompressFrame(data);
      case 'zstd':
        return await zstdDecompress(data);
    }
  } catch (err) {
    if (err instanceof RecordFormatError) throw err;
    throw new RecordFormatError(`${name} records section does not decompress: ${(err as Error).message}`);
  }
}

/** Compresses a records section as a producer with `name` would (snappy raw, lz4 frame). */
export async function compressAsync(data: Buffer, name: CodecName): Promise<Buffer> {
  switch (name) {
    case 'none':
      return data;
    case 'gzip':
      return gzipSync(data);
    case 'snappy':
      return snappyCompress(data);
    case 'lz4':
      return lz4CompressFrame(data);
    case 'zstd':
      return zstdCompress(data, 3);
  }
}

function unsnappy(data: Buffer): Buffer {
  if (data.length < XERIAL_HEADER_SIZE || !data.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC)) {
    return toBuffer(snappyUncompress(data));
  }
  const blocks: Buffer[] = [];
  for (let pos = XERIAL_HEADER_SIZE; pos < data.length; ) {
    if (pos + 4 > data.length) throw new RecordFormatError('snappy (xerial) block length is cut short');
    const length = data.readInt32BE(pos);
    pos += 4;
    if (length < 0 || pos + length > data.length) throw new RecordFormatError(`snappy (xerial) block of ${length} bytes runs past the batch`);
    blocks.push(toBuffer(snappyUncompress(data.subarray(pos, pos + length))));
    pos += length;
  }
  return Buffer.concat(blocks);
}

function toBuffer(v: string | Buffer): Buffer {
  return typeof v === 'string' ? Buffer.from(v) : v;
}
