import { readSync } from 'node:fs';

/** Reads `length` bytes at `position` into a fresh buffer; shorter only at end of file. */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

/**
 * Reads a segment file through a sliding window, so walking batch headers costs one read per
 * window instead of one per batch.
 */
export class WindowedReader {
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;

  constructor(
    private readonly fd: number,
    private readonly fileEnd: number,
    private readonly windowBytes: number,
  ) {}

  /**
   * A buffer and index where the bytes at `position` begin, holding `need` bytes or as many as
   * the file has (`available`).
   */
  view(position: number, need: number): { buf: Buffer; at: number; available: number } {
    const wanted = Math.min(need, this.fileEnd - position);
    const end = this.start + this.buf.length;
    if (position < this.start || position + wanted > end) {
      this.buf = readAt(this.fd, position, Math.min(Math.max(this.windowBytes, wanted), this.fileEnd - position));
      this.start = position;
    }
    const at = position - this.start;
    return { buf: this.buf, at, available: Math.min(wanted, this.buf.length - at) };
  }
}
