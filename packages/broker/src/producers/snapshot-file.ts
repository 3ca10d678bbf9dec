import { join } from 'node:path';
import { readCheckpoint, writeCheckpoint } from '../log/checkpoint.js';
import type { ProducerStateSnapshot } from './producer-state.js';

/** Kept beside the partition's segments; rebuilt from the log when missing or unreadable. */
export const PRODUCER_SNAPSHOT = 'producer-state.snapshot';

export function writeProducerSnapshot(dir: string, snapshot: ProducerStateSnapshot): void {
  // Not fsynced: a lost snapshot only means scanning more of the log on the next open.
  writeCheckpoint(join(dir, PRODUCER_SNAPSHOT), { version: 1, ...snapshot }, false);
}

/** The saved snapshot, or null when missing, unreadable or of an unknown shape. */
export function readProducerSnapshot(dir: string): ProducerStateSnapshot | null {
  const raw = readCheckpoint(join(dir, PRODUCER_SNAPSHOT));
  if (raw === null || raw.version !== 1) return null;
  const { offset, producers, aborted } = raw;
  if (typeof offset !== 'number' || !Array.isArray(producers) || !Array.isArray(aborted)) return null;
  return { offset, producers, aborted } as ProducerStateSnapshot;
}
