import { PLAINTEXT_CONNECTION, type KafkaConnectionSettings } from '@sluice/kafka-admin';
import type { TapTarget } from '@sluice/streams';
import type { Pipeline } from '@sluice/topology';
import type { Logger } from '../../logger.js';
import { RestartBackoff } from './backoff.js';
import { PipelineMetricsAccount, type MetricsDefinition, type PipelineMetrics } from './pipeline-metrics.js';
import { tapKey, type TappedBatch } from '../../taps/tapped-record.js';
import { WorkerHandle, type WorkerOutcome } from './worker-handle.js';
import { deletedSourcesMessage, topicsRead } from './source-topics.js';
import type { RunnerTuning, WorkerSettings } from './worker-protocol.js';

export type PipelineStatus = 'deploying' | 'running' | 'stopped' | 'failed';

/** What the manager knows about a pipeline's run, for the API. */
export interface RuntimeState {
  readonly status: PipelineStatus;
  /** Why it is failed, while it is. */
  readonly error?: string;
  /** The last failure, kept after a restart succeeds. */
  readonly lastError?: { readonly message: string; readonly at: string };
  /** Restarts after crashes since the pipeline was last started. */
  readonly restarts: number;
  /** When the next restart after a crash is due. */
  readonly nextRestartAt?: string;
}

export interface RuntimeContext {
  readonly brokers: readonly string[];
  readonly connection?: KafkaConnectionSettings;
  readonly tuning: RunnerTuning;
  readonly logger: Logger;
  readonly metricsEveryMs: number;
  readonly workerScript?: string;
  readonly backoff?: () => RestartBackoff;
  /** Told about every status change (live updates). */
  readonly onChange?: (pipelineId: string) => void;
  /** Told about records sampled at tapped places. */
  readonly onTapped?: (pipelineId: string, batches: readonly TappedBatch[]) => void;
}

/**
 * One pipeline's worker and its lifecycle: deploying → running → stopped | failed. A worker that
 * crashes is started again after a growing delay; a stop or redeploy waits for the runner to
 * finish its batch and commit, so the next run continues exactly where it left off.
 */
export class PipelineRuntime {
  private status: PipelineStatus = 'stopped';
  private error: string | undefined;
  private lastError: { message: string; at: string } | undefined;
  private restarts = 0;
  private nextRestartAt: number | undefined;
  private worker: WorkerHandle | undefined;
  private pipeline: Pipeline | undefined;
  private wanted = false;
  private runningSince = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly backoff: RestartBackoff;
  readonly metrics = new PipelineMetricsAccount();
  private metricsWaiters: Array<() => void> = [];
  /** Places someone taps; every worker of this pipeline samples them, restarted ones too. */
  private readonly taps = new Map<string, TapTarget>();
  /** Topics it reads that were deleted while it was deployed; it waits for them to come back. */
  private missingSources: string[] = [];
  /** Topics it reads that were seen to exist since it was started: only those can be "deleted". */
  private seenSources = new Set<string>();
  private sourceCheck: Promise<void> | undefined;

  constructor(
    readonly pipelineId: string,
    private readonly context: RuntimeContext,
  ) {
    this.backoff = context.backoff?.() ?? new RestartBackoff();
  }

  state(): RuntimeState {
    return {
      status: this.status,
      ...(this.status === 'failed' && this.error ? { error: this.error } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      restarts: this.restarts,
      ...(this.nextRestartAt !== undefined ? { nextRestartAt: new Date(this.nextRestartAt).toISOString() } : {}),
    };
  }

  /** The definition that runs (or last ran). */
  get deployed(): Pipeline | undefined {
    return this.pipeline;
  }

  /** Starts the pipeline, or swaps in a new definition: the old run stops gracefully first. */
  start(pipeline: Pipeline): Promise<void> {
    return this.serially(async () => {
      this.wanted = true;
      this.cancelRetry();
      if (this.worker) await this.stopWorker();
      this.pipeline = pipeline;
      this.missingSources = [];
      this.seenSources = new Set();
      this.restarts = 0;
      this.backoff.reset();
      this.spawn();
    });
  }

  /** Stops gracefully: the batch in hand is finished and committed. */
  stop(): Promise<void> {
    return this.serially(async () => {
      this.wanted = false;
      this.missingSources = [];
      this.cancelRetry();
      if (this.worker) await this.stopWorker();
      this.setStatus('stopped');
    });
  }

  /** True while it should run: deployed and not stopped. */
  get isWanted(): boolean {
    return this.wanted && this.pipeline !== undefined;
  }

  /**
   * Told which topics exist now. A topic it reads that existed and is gone stops the worker and fails the
   * pipeline with "source topic X was deleted" (no restarts: they could only fail the same way);
   * once every such topic exists again, it starts afresh.
   */
  sourcesExist(exists: (topic: string) => boolean): Promise<void> {
    // While a lifecycle step is under way (a slow stop), later checks wait behind it; one is enough.
    if (this.sourceCheck) return this.sourceCheck;
    this.sourceCheck = this.checkSources(exists).finally(() => (this.sourceCheck = undefined));
    return this.sourceCheck;
  }

  private checkSources(exists: (topic: string) => boolean): Promise<void> {
    return this.serially(async () => {
      if (!this.wanted || !this.pipeline) return;
      const read = topicsRead(this.pipeline);
      for (const t of read) if (exists(t)) this.seenSources.add(t);
      // A topic that never existed is the worker's own error ("does not exist"), retried as before.
      const missing = read.filter((t) => this.seenSources.has(t) && !exists(t));
      const known = this.missingSources.join('\0');
      if (missing.join('\0') === known) return;
      if (missing.length === 0) {
        this.missingSources = [];
        this.context.logger.info(`pipeline ${this.pipelineId}: its source topics exist again; starting`);
        this.restarts = 0;
        this.backoff.reset();
        if (!this.worker) this.spawn();
        return;
      }
      this.missingSources = missing;
      this.cancelRetry();
      if (this.worker) await this.stopWorker();
      const message = deletedSourcesMessage(missing);
      this.recordError(message);
      this.error = message;
      this.context.logger.warn(`pipeline ${this.pipelineId}: ${message}; it resumes when the topic is created again`);
      if (this.status === 'failed') this.context.onChange?.(this.pipelineId);
      else this.setStatus('failed');
    });
  }

  /** Ends the worker thread abruptly, as a crash would; it is restarted like after any crash. */
  async crashWorker(): Promise<boolean> {
    const worker = this.worker;
    if (!worker) return false;
    await worker.terminate();
    return true;
  }

  /** Starts or stops sampling at a node or edge, now and in every later run. */
  tap(target: TapTarget, on: boolean): void {
    const key = tapKey(target);
    if (on === this.taps.has(key)) return;
    if (on) this.taps.set(key, target);
    else this.taps.delete(key);
    this.worker?.tap(target, on);
  }

  /** Metrics as of now: asks a running worker for a fresh snapshot, waiting at most `waitMs`. */
  async currentMetrics(definition: MetricsDefinition, waitMs = 250): Promise<PipelineMetrics> {
    const worker = this.worker;
    if (worker && this.status === 'running') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, waitMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.metricsWaiters.push(done);
        worker.requestMetrics();
      });
    }
    return this.metrics.view(this.pipelineId, definition);
  }

  private spawn(): void {
    const pipeline = this.pipeline!;
    this.nextRestartAt = undefined;
    this.setStatus('deploying');
    const settings: WorkerSettings = {
      pipelineId: this.pipelineId,
      pipeline,
      brokers: this.context.brokers,
      connection: this.context.connection ?? PLAINTEXT_CONNECTION,
      tuning: this.context.tuning,
      metricsEveryMs: this.context.metricsEveryMs,
      taps: [...this.taps.values()],
    };
    let worker: WorkerHandle;
    try {
      worker = new WorkerHandle(
        settings,
        {
          onRunning: () => {
            if (this.worker !== worker) return;
            this.runningSince = Date.now();
            this.error = undefined;
            this.setStatus('running');
          },
          onMetrics: (metrics) => {
            if (this.worker !== worker) return;
            this.metrics.update(metrics);
            const waiters = this.metricsWaiters;
            this.metricsWaiters = [];
            for (const w of waiters) w();
          },
          onTapped: (batches) => {
            if (this.worker === worker) this.context.onTapped?.(this.pipelineId, batches);
          },
          onExit: (outcome) => this.exited(worker, outcome),
        },
        this.context.workerScript,
      );
    } catch (err) {
      this.fail(err instanceof Error ? err.message : String(err), false);
      return;
    }
    this.worker = worker;
    this.runningSince = Date.now();
    this.context.logger.info(`pipeline ${this.pipelineId}: deploying "${pipeline.name}" (worker thread ${worker.threadId})`);
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker!;
    await worker.stop();
  }

  private exited(worker: WorkerHandle, outcome: WorkerOutcome): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.metrics.endRun();
    if (outcome.kind === 'stopped' || !this.wanted) {
      if (outcome.kind === 'failed') this.recordError(outcome.error);
      this.context.logger.info(`pipeline ${this.pipelineId}: stopped`);
      return;
    }
    this.fail(outcome.error, outcome.retriable);
  }

  private fail(message: string, retriable: boolean): void {
    if (this.missingSources.length > 0) return; // already failed for the deleted topic, and waiting for it
    this.recordError(message);
    this.error = message;
    this.setStatus('failed');
    if (!retriable || !this.wanted) {
      this.context.logger.error(`pipeline ${this.pipelineId} failed: ${message}`);
      return;
    }
    const delay = this.backoff.next(Date.now() - this.runningSince);
    this.nextRestartAt = Date.now() + delay;
    this.context.logger.warn(`pipeline ${this.pipelineId} failed: ${message}; restarting in ${Math.round(delay / 100) / 10} s`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.serially(async () => {
        if (!this.wanted || this.worker) return;
        this.restarts++;
        this.spawn();
      });
    }, delay);
    this.retryTimer.unref();
  }

  private recordError(message: string): void {
    this.lastError = { message, at: new Date().toISOString() };
  }

  private cancelRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.nextRestartAt = undefined;
  }

  private setStatus(status: PipelineStatus): void {
    if (status !== 'failed') this.error = undefined;
    if (this.status === status) return;
    this.status = status;
    this.context.onChange?.(this.pipelineId);
  }

  /** Lifecycle changes of one pipeline happen one after another, never interleaved. */
  private serially<T>(step: () => Promise<T>): Promise<T> {
    const next = this.queue.then(step, step);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
