import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { encodeRecords, readFrame, type OffsetLogRecord } from './records.js';

export interface OffsetLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export const OFFSETS_FILE = 'offsets.log';
const COMPACTING_FILE = 'offsets.log.compacting';
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * The append-only file behind committed offsets. Appends are written with write(2) before they
 * return (so they survive a crash of the process), fsync'd by a timer and on close; opening replays
 * the file and cuts off a torn or corrupt tail; rewrite() replaces the whole file atomically.
 */
export class OffsetLogFile {
  private fd: number;
  private bytes: number;
  private dirty = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    readonly dir: string,
    fd: number,
    bytes: number,
    private readonly flushIntervalMs: number,
  ) {
    this.fd = fd;
    this.bytes = bytes;
  }

  /** Opens (creating) the log in `dir` and hands every intact record to `apply`, in order. */
  static open(
    dir: string,
    apply: (record: OffsetLogRecord) => void,
    logger: OffsetLogger,
    flushIntervalMs = 1000,
  ): OffsetLogFile {
    mkdirSync(dir, { recursive: true });
    // A compaction that did not reach its rename left a partial copy; the original is intact.
    rmSync(join(dir, COMPACTING_FILE), { force: true });
    const path = join(dir, OFFSETS_FILE);
    const fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    const valid = replay(fd, apply, logger, path);
    const size = fstatSync(fd).size;
    if (valid < size) {
      ftruncateSync(fd, valid);
      fsyncSync(fd);
    }
    closeSync(fd);
    return new OffsetLogFile(dir, openSync(path, 'a'), valid, flushIntervalMs);
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  /** Writes the records in one write(2); they are in the OS page cache when this returns. */
  append(records: readonly OffsetLogRecord[]): void {
    if (records.length === 0) return;
    const buf = encodeRecords(records);
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
    this.dirty = true;
    if (this.flushTimer === null && this.flushIntervalMs >= 0) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        this.sync();
      }, this.flushIntervalMs);
      this.flushTimer.unref();
    }
  }

  /** Replaces the file's content with `records`: written to a side file, fsync'd, renamed over. */
  rewrite(records: readonly OffsetLogRecord[]): void {
    const tmpPath = join(this.dir, COMPACTING_FILE);
    const buf = encodeRecords(records);
    const tmp = openSync(tmpPath, 'w');
    try {
      let off = 0;
      while (off < buf.length) off += writeSync(tmp, buf, off, buf.length - off);
      fsyncSync(tmp);
    } finally {
      closeSync(tmp);
    }
    renameSync(tmpPath, join(this.dir, OFFSETS_FILE));
    syncDir(this.dir);
    closeSync(this.fd);
    this.fd = openSync(join(this.dir, OFFSETS_FILE), 'a');
    this.bytes = buf.length;
    this.dirty = false;
  }

  sync(): void {
    if (!this.dirty) return;
    fsyncSync(this.fd);
    this.dirty = false;
  }

  close(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.sync();
    closeSync(this.fd);
  }
}

/** Applies every intact frame; returns the byte length of the intact prefix. */
function replay(fd: number, apply: (r: OffsetLogRecord) => void, logger: OffsetLogger, path: string): number {
  const size = fstatSync(fd).size;
  let buf = Buffer.alloc(0);
  let bufStart = 0; // file position of buf[0]
  let pos = 0; // position inside buf
  let eof = false;
  for (;;) {
    const frame = readFrame(buf, pos);
    if (frame.kind === 'record') {
      apply(frame.record);
      pos += frame.bytes;
      continue;
    }
    if (frame.kind === 'incomplete' && !eof) {
      const rest = buf.subarray(pos);
      const chunk = Buffer.allocUnsafe(Math.max(READ_CHUNK_BYTES, rest.length * 2));
      const n = readSync(fd, chunk, 0, chunk.length, bufStart + buf.length);
      if (n === 0) eof = true;
      bufStart += pos;
      buf = Buffer.concat([rest, chunk.subarray(0, n)]);
      pos = 0;
      continue;
    }
    const valid = bufStart + pos;
    if (valid < size) {
      const why = frame.kind === 'corrupt' ? frame.reason : 'incomplete record';
      logger.warn(`${path}: ${why} at byte ${valid}; dropping the last ${size - valid} bytes (likely a write cut short by a crash)`);
    }
    return valid;
  }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Some platforms refuse fsync on directories; the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}
