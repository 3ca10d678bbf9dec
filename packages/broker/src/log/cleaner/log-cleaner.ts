import { isCompacted } from '../config.js';
import type { PartitionLog } from '../partition-log.js';
import type { SegmentLogger } from '../segment.js';
import { cleanability, cleanLog, type CleanStats } from './clean-log.js';
import { readCleanerState } from './cleaner-state.js';

/**
 * The background log cleaner: every `backoffMs` it looks at the compacted partitions and cleans,
 * one at a time and dirtiest first, those whose dirty ratio reaches min.cleanable.dirty.ratio, that
 * hold a record older than max.compaction.lag.ms, or whose kept tombstones are due. A pass works
 * in slices (see cleanLog), so requests are served throughout.
 */
export class LogCleaner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly failures = new WeakSet<PartitionLog>();

  constructor(
    private readonly logs: () => Iterable<PartitionLog>,
    private readonly backoffMs: number,
    private readonly logger: SegmentLogger,
    private readonly clock: () => number = Date.now,
  ) {}

  start(): void {
    this.schedule();
  }

  /** One round over every compacted partition; resolves when it is done. */
  async runOnce(): Promise<CleanStats> {
    const total: CleanStats = { bytesRead: 0, bytesWritten: 0, recordsRemoved: 0, segmentsReplaced: 0 };
    const now = this.clock();
    const due = [...this.logs()]
      .filter((log) => log.isOpen && isCompacted(log.logConfig))
      .map((log) => ({ log, c: cleanability(log, readCleanerState(log.dir), now) }))
      .filter(({ log, c }) => c.overdue || (c.dirtyRatio > 0 && c.dirtyRatio >= (log.logConfig.minCleanableDirtyRatio ?? 0.5)))
      .sort((a, b) => b.c.dirtyRatio - a.c.dirtyRatio);
    for (const { log } of due) {
      if (this.stopped) break;
      try {
        const stats = await cleanLog(log, { now: this.clock() });
        for (const k of Object.keys(total) as (keyof CleanStats)[]) total[k] += stats[k];
        if (stats.segmentsReplaced > 0) {
          this.logger.info(
            `cleaned ${log.dir}: ${stats.segmentsReplaced} segment(s), ${stats.bytesRead} → ${stats.bytesWritten} bytes, ${stats.recordsRemoved} record(s) removed`,
          );
        }
        this.failures.delete(log);
      } catch (err) {
        if (!log.isOpen) continue; // deleted or closed during the pass: nothing left to clean
        // Logged once per failing partition; the old segments are intact and the next round retries.
        if (!this.failures.has(log)) this.logger.warn(`log cleaner: cleaning ${log.dir} failed: ${(err as Error).message}`);
        this.failures.add(log);
      }
    }
    return total;
  }

  /** Stops scheduling and waits for a pass in progress to finish its current partition. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.runOnce().then(
        () => undefined,
        (err: unknown) => this.logger.warn(`log cleaner: ${(err as Error).message}`),
      );
      void this.running.finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.backoffMs);
    this.timer.unref();
  }
}
