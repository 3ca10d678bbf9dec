import { compressFrameSync, decompressFrameSync } from 'lz4-napi';

// Record batches (magic 2) carry standard LZ4 frames, with the header checksum that the old
// message format got wrong; lz4_flex reads and writes exactly those.
export function lz4Decompress(data: Buffer): Buffer {
  return decompressFrameSync(data);
}

export function lz4Compress(data: Buffer): Buffer {
  return compressFrameSync(data);
}
