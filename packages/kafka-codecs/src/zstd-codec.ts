import { compress, decompress } from '@mongodb-js/zstd';

// Level 3 is zstd's own default and what Kafka's producers use unless told otherwise.
const LEVEL = 3;

export function zstdDecompress(data: Buffer): Promise<Buffer> {
  return decompress(data);
}

export function zstdCompress(data: Buffer): Promise<Buffer> {
  return compress(data, LEVEL);
}
