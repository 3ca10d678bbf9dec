import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const unzip = promisify(zlib.unzip);

export function gzipDecompress(data: Buffer): Promise<Buffer> {
  return unzip(data);
}

export function gzipCompress(data: Buffer): Promise<Buffer> {
  return gzip(data);
}
