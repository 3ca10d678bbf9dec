import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { readCheckpoint, syncDirectory, writeCheckpoint } from '../checkpoint.js';
import { LOG_SUFFIX, OFFSET_INDEX_SUFFIX, TIME_INDEX_SUFFIX, parseSegmentFileName, segmentPath } from '../file-names.js';

/**
 * Replacing sealed segments by one cleaned segment, so that a crash at any point leaves either
 * the old segments or the new one, never a mix and never neither:
 *   1. the cleaned segment (log + indexes, fsynced) is written into `<dir>/cleaned/`;
 *   2. `cleaned/swap.json` names the segments it replaces: the commit point;
 *   3. the old segments' files are deleted;
 *   4. the new log file is moved in, then its indexes; the marker and the folder go.
 * On open, finishInterruptedSwap() removes a folder without a marker (the old segments are intact)
 * and completes one with a marker: while the new .log is still staged no file has moved yet, so
 * deleting the old files again is safe; once it has moved, step 3 was complete.
 */
export const STAGING_DIR = 'cleaned';
const SWAP_MARKER = 'swap.json';

/** Points a test can stop at, to play a crash there. */
export type SwapStep = 'staged' | 'marked' | 'old-deleted' | 'log-moved';
export type SwapHook = (step: SwapStep) => void;

export function stagingDir(dir: string): string {
  return join(dir, STAGING_DIR);
}

/** An empty staging folder (whatever an earlier, abandoned pass left is removed). */
export function freshStagingDir(dir: string): string {
  const staging = stagingDir(dir);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  return staging;
}

/** Removes staged files of a cleaning that did not reach its commit point; a committed swap stays for recovery. */
export function abandonStaging(dir: string): void {
  if (existsSync(join(stagingDir(dir), SWAP_MARKER))) return;
  rmSync(stagingDir(dir), { recursive: true, force: true });
}

/** Steps 2–4, for a staged segment whose files are complete and fsynced. */
export function commitSwap(dir: string, replacedBases: number[], hook?: SwapHook): void {
  hook?.('staged');
  writeCheckpoint(join(stagingDir(dir), SWAP_MARKER), { replaced: replacedBases }, true);
  hook?.('marked');
  finishSwap(dir, replacedBases, hook);
}

/** Completes or rolls back a swap cut short by a crash; true when there was one. */
export function finishInterruptedSwap(dir: string, log: (msg: string) => void): boolean {
  const staging = stagingDir(dir);
  if (!existsSync(staging)) return false;
  const marker = readCheckpoint(join(staging, SWAP_MARKER));
  const replaced = marker?.replaced;
  if (!Array.isArray(replaced) || !replaced.every((b): b is number => Number.isSafeInteger(b) && b >= 0)) {
    log(`removing ${staging}: a log cleaning that never committed (the old segments are intact)`);
    rmSync(staging, { recursive: true, force: true });
    return true;
  }
  log(`completing the interrupted swap of cleaned segment(s) in ${dir}`);
  finishSwap(dir, replaced);
  return true;
}

function finishSwap(dir: string, replacedBases: number[], hook?: SwapHook): void {
  const staging = stagingDir(dir);
  const staged = readdirSync(staging).filter((n) => n !== SWAP_MARKER && !n.endsWith('.tmp'));
  const stagedLog = staged.find((n) => parseSegmentFileName(n, LOG_SUFFIX) !== null);
  if (stagedLog !== undefined) {
    for (const base of replacedBases) {
      for (const suffix of [LOG_SUFFIX, OFFSET_INDEX_SUFFIX, TIME_INDEX_SUFFIX]) unlinkIfPresent(segmentPath(dir, base, suffix));
    }
    syncDirectory(dir);
    hook?.('old-deleted');
    renameSync(join(staging, stagedLog), join(dir, stagedLog));
    syncDirectory(dir);
    hook?.('log-moved');
  }
  for (const name of staged) if (name !== stagedLog) renameSync(join(staging, name), join(dir, name));
  syncDirectory(dir);
  rmSync(staging, { recursive: true, force: true });
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
