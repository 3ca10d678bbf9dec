import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Small JSON state files replaced atomically: write a temporary file, rename it over the old one.
 * With `durable`, the temporary file and the directory are fsynced too, so the new content
 * survives a power cut; without, a power cut may leave the old or an unreadable file (readers
 * treat unreadable as absent, which must therefore always be safe).
 */
export function writeCheckpoint(path: string, value: object, durable: boolean): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(value) + '\n');
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  if (durable) syncDirectory(dirname(path));
}

/** The parsed file, or null when it is missing or unreadable. */
export function readCheckpoint(path: string): Record<string, unknown> | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A non-negative safe integer field, or null. */
export function offsetField(value: Record<string, unknown> | null, key: string): number | null {
  const v = value?.[key];
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null;
}

/** Makes renames, creations and deletions in `dir` durable. */
export function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on directories; the rename itself is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
