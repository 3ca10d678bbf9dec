import snappy from 'snappy';

// Java producers wrap snappy blocks in xerial's framing ("\x82SNAPPY\0", two int32 versions, then
// int32-length-prefixed blocks); librdkafka writes one raw block. Kafka reads both, so do we.
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_LENGTH = 16;

function isXerial(data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_LENGTH && data.subarray(0, XERIAL_MAGIC.length).equals(XERIAL_MAGIC);
}

function uncompressBlock(block: Buffer): Buffer {
  return snappy.uncompressSync(block, { asBuffer: true }) as Buffer;
}

export function snappyDecompress(data: Buffer): Buffer {
  if (!isXerial(data)) return uncompressBlock(data);
  const blocks: Buffer[] = [];
  let at = XERIAL_HEADER_LENGTH;
  while (at < data.length) {
    if (at + 4 > data.length) throw new Error('snappy (xerial) block length is cut off');
    const length = data.readInt32BE(at);
    at += 4;
    if (length < 0 || at + length > data.length) throw new Error(`snappy (xerial) block of ${length} bytes runs past the end`);
    blocks.push(uncompressBlock(data.subarray(at, at + length)));
    at += length;
  }
  return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks);
}

/** One raw block, as librdkafka writes; every Kafka client reads it. */
export function snappyCompress(data: Buffer): Buffer {
  return snappy.compressSync(data);
}
