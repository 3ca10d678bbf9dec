import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCheckpoint, writeCheckpoint } from '../log/checkpoint.js';
import type { CoordinatorSnapshot, TransactionMetadata } from './transaction-metadata.js';

/** Where the coordinator keeps its state under the broker's data directory. */
export const TRANSACTIONS_DIR = '__transaction_state';
const STATE_FILE = 'transactions.json';

/**
 * The coordinator's state as one file replaced atomically (write, rename) on every change, so a
 * `kill -9` leaves either the old or the new state, never a mix. Not fsynced per change, like the
 * partition logs: the page cache survives a process crash.
 */
export class TransactionStore {
  private readonly path: string;

  constructor(dataDir: string) {
    const dir = join(dataDir, TRANSACTIONS_DIR);
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, STATE_FILE);
  }

  load(): CoordinatorSnapshot {
    const raw = readCheckpoint(this.path);
    const next = raw?.nextProducerId;
    const txns = raw?.transactions;
    return {
      nextProducerId: typeof next === 'number' && Number.isSafeInteger(next) && next >= 0 ? next : 0,
      transactions: Array.isArray(txns) ? (txns as TransactionMetadata[]) : [],
    };
  }

  save(snapshot: CoordinatorSnapshot, durable = false): void {
    writeCheckpoint(this.path, snapshot, durable);
  }
}
