import { closeSync, constants, fsyncSync, ftruncateSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/**
 * A file of fixed-size entries mirrored in memory. Appends go to memory; persist() writes what is
 * new. Index files can always be rebuilt from the segment, so they are written lazily (on flush,
 * roll and close) rather than on every append.
 */
export abstract class EntryIndex {
  protected data: Buffer;
  protected count = 0;
  /** Entries known to be in the file; -1 when the file's content is unknown and must be rewritten. */
  private persisted = -1;

  constructor(
    readonly path: string,
    protected readonly entrySize: number,
  ) {
    this.data = Buffer.allocUnsafe(entrySize * 64);
  }

  get entries(): number {
    return this.count;
  }

  /** Loads the file. False when it is missing or not a whole number of entries. */
  load(): boolean {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch {
      return false;
    }
    if (bytes.length % this.entrySize !== 0) return false;
    this.data = bytes.length > 0 ? bytes : Buffer.allocUnsafe(this.entrySize * 64);
    this.count = this.persisted = bytes.length / this.entrySize;
    return true;
  }

  /** Checks the loaded entries are ordered as they must be. */
  abstract isSane(segmentSize: number): boolean;

  /** Forgets all entries (the file is rewritten on the next persist). */
  reset(): void {
    this.count = 0;
    this.persisted = -1;
  }

  /** Writes entries not yet in the file; with `sync`, fsyncs it too. */
  persist(sync: boolean): void {
    if (this.count === this.persisted && !sync) return;
    const fd = openSync(this.path, constants.O_WRONLY | constants.O_CREAT, 0o644);
    try {
      const from = this.persisted < 0 ? 0 : Math.min(this.persisted, this.count);
      const start = from * this.entrySize;
      const end = this.count * this.entrySize;
      for (let pos = start; pos < end; ) pos += writeSync(fd, this.data, pos, end - pos, pos);
      if (this.persisted !== this.count) ftruncateSync(fd, end);
      this.persisted = this.count;
      if (sync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  delete(): void {
    try {
      unlinkSync(this.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }

  /** Byte position for a new entry at the end, growing the buffer as needed. */
  protected nextSlot(): number {
    const pos = this.count * this.entrySize;
    if (pos + this.entrySize > this.data.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.data.length * 2, this.entrySize * 64));
      this.data.copy(grown, 0, 0, pos);
      this.data = grown;
    }
    this.count++;
    return pos;
  }
}
