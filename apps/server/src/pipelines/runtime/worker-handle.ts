import type { RunnerMetrics, TapTarget } from '@sluice/streams';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TappedBatch } from '../../taps/tapped-record.js';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol.js';

/**
 * The built worker script. src/ and dist/ mirror each other, so this resolves to the compiled file
 * whether the server runs from dist/ or from sources under a test runner.
 */
export const workerScript = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'pipelines', 'runtime', 'pipeline-worker.js');

/** How a worker ended: asked to stop, or not. */
export type WorkerOutcome =
  | { readonly kind: 'stopped' }
  | { readonly kind: 'failed'; readonly error: string; readonly retriable: boolean };

export interface WorkerEvents {
  onRunning(): void;
  onMetrics(metrics: RunnerMetrics): void;
  onTapped(batches: readonly TappedBatch[]): void;
  onExit(outcome: WorkerOutcome): void;
}

/** After reporting its end, a worker whose clients leave timers behind is ended after this. */
const EXIT_GRACE_MS = 2_000;
/** A graceful stop (finish the batch, commit, leave the group) that takes longer is cut short. */
const STOP_TIMEOUT_MS = 30_000;
/** A worker's heap limit, so a runaway pipeline fails alone instead of taking the server down. */
const WORKER_HEAP_MB = 1024;

/** One pipeline worker thread, seen from the main thread. */
export class WorkerHandle {
  readonly exited: Promise<WorkerOutcome>;
  private readonly worker: Worker;
  private stopRequested = false;
  private reported: WorkerOutcome | undefined;
  private thrown: Error | undefined;
  private graceTimer: NodeJS.Timeout | undefined;

  constructor(settings: WorkerSettings, events: WorkerEvents, script: string = workerScript) {
    if (!existsSync(script)) {
      throw new Error(`the pipeline worker ${script} is missing; build the server first (pnpm -C apps/server run build)`);
    }
    this.worker = new Worker(script, { workerData: settings, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'running':
          events.onRunning();
          break;
        case 'metrics':
          events.onMetrics(message.metrics);
          break;
        case 'tapped':
          events.onTapped(message.batches);
          break;
        case 'failed':
          this.reported = { kind: 'failed', error: message.error, retriable: message.retriable };
          this.endSoon();
          break;
        case 'stopped':
          this.reported = { kind: 'stopped' };
          this.endSoon();
          break;
      }
    });
    this.worker.on('error', (error) => (this.thrown = error));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        clearTimeout(this.graceTimer);
        const outcome = this.outcome(code);
        events.onExit(outcome);
        resolve(outcome);
      });
    });
  }

  get threadId(): number {
    return this.worker.threadId;
  }

  requestMetrics(): void {
    this.send({ type: 'metrics' });
  }

  /** Starts or stops sampling records at a node or edge. */
  tap(target: TapTarget, on: boolean): void {
    this.send({ type: 'tap', target, on });
  }

  /** Asks the runner to stop gracefully; ends the thread if it takes longer than the timeout. */
  async stop(timeoutMs = STOP_TIMEOUT_MS): Promise<WorkerOutcome> {
    this.stopRequested = true;
    this.send({ type: 'stop' });
    const timer = setTimeout(() => void this.worker.terminate(), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the thread at once, as a crash would: nothing is committed. */
  async terminate(): Promise<WorkerOutcome> {
    await this.worker.terminate();
    return this.exited;
  }

  private send(message: ToWorker): void {
    try {
      this.worker.postMessage(message);
    } catch {
      // The thread has already gone; its exit event tells the rest.
    }
  }

  private endSoon(): void {
    this.graceTimer ??= setTimeout(() => void this.worker.terminate(), EXIT_GRACE_MS);
  }

  private outcome(code: number): WorkerOutcome {
    if (this.stopRequested && this.reported?.kind !== 'failed') return { kind: 'stopped' };
    if (this.reported) return this.reported;
    if (this.thrown) return { kind: 'failed', error: `the pipeline crashed: ${this.thrown.message}`, retriable: true };
    return { kind: 'failed', error: `the pipeline's worker thread ended unexpectedly (exit code ${code})`, retriable: true };
  }
}
