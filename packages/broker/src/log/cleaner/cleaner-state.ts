import { join } from 'node:path';
import { offsetField, readCheckpoint, writeCheckpoint } from '../checkpoint.js';

export const CLEANER_CHECKPOINT = 'cleaner-offset.checkpoint';

/** One cleaning pass: every offset below `below` had been cleaned by time `at`. */
export interface CleanedUpTo {
  below: number;
  at: number;
}

/**
 * What the cleaner remembers of one partition (in `cleaner-offset.checkpoint` beside its
 * segments): where the dirty part starts, when each part was first cleaned (a tombstone's
 * delete.retention.ms counts from then), and when kept tombstones become due.
 */
export interface CleanerState {
  firstDirtyOffset: number;
  passes: CleanedUpTo[];
  /** Earliest time a kept tombstone may be removed; null when none is waiting. */
  tombstonesDueAt: number | null;
}

export function readCleanerState(dir: string): CleanerState {
  const raw = readCheckpoint(join(dir, CLEANER_CHECKPOINT));
  const passes = Array.isArray(raw?.passes)
    ? (raw.passes as unknown[]).filter(
        (p): p is CleanedUpTo =>
          typeof p === 'object' && p !== null && Number.isSafeInteger((p as CleanedUpTo).below) && Number.isFinite((p as CleanedUpTo).at),
      )
    : [];
  const due = raw?.tombstonesDueAt;
  return {
    firstDirtyOffset: offsetField(raw, 'firstDirtyOffset') ?? 0,
    passes,
    tombstonesDueAt: typeof due === 'number' && Number.isFinite(due) ? due : null,
  };
}

/** Not fsynced: a lost checkpoint only means cleaning again and keeping tombstones longer. */
export function writeCleanerState(dir: string, state: CleanerState): void {
  writeCheckpoint(join(dir, CLEANER_CHECKPOINT), state, false);
}

/** When the record at `offset` was first cleaned, or null if it never was. */
export function firstCleanedAt(state: CleanerState, offset: number): number | null {
  for (const p of state.passes) if (offset < p.below) return p.at;
  return null;
}

/** Records a pass up to `below` at `now`, merging passes whose tombstones are all past retention. */
export function recordPass(state: CleanerState, below: number, now: number, deleteRetentionMs: number): CleanedUpTo[] {
  const passes = [...state.passes];
  if (below > (passes.at(-1)?.below ?? 0)) passes.push({ below, at: now });
  const merged: CleanedUpTo[] = [];
  for (const p of passes) {
    const prev = merged.at(-1);
    const expired = (x: CleanedUpTo) => x.at + deleteRetentionMs <= now;
    if (prev && expired(prev) && expired(p)) merged[merged.length - 1] = { below: p.below, at: Math.max(prev.at, p.at) };
    else merged.push(p);
  }
  return merged;
}
