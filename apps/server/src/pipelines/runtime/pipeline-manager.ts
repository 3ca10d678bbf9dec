import type { KafkaConnectionSettings } from '@sluice/kafka-admin';
import type { TapTarget } from '@sluice/streams';
import type { Pipeline } from '@sluice/topology';
import type { Logger } from '../../logger.js';
import type { RestartBackoff } from './backoff.js';
import type { MetricsDefinition, PipelineMetrics } from './pipeline-metrics.js';
import { PipelineRuntime, type RuntimeState } from './pipeline-runtime.js';
import type { TappedBatch } from '../../taps/tapped-record.js';
import type { RunnerTuning } from './worker-protocol.js';

export interface PipelineManagerOptions {
  readonly brokers: readonly string[];
  /** TLS and SASL the workers' clients use; plaintext when absent. */
  readonly connection?: KafkaConnectionSettings;
  readonly logger: Logger;
  readonly tuning?: RunnerTuning;
  /** How often workers post metrics; default 250 ms. */
  readonly metricsEveryMs?: number;
  /** Another worker script (tests). */
  readonly workerScript?: string;
  readonly backoff?: () => RestartBackoff;
}

const STOPPED: RuntimeState = { status: 'stopped', restarts: 0 };

/**
 * Runs deployed pipelines, each in its own worker thread, and keeps their status and metrics. It
 * knows nothing of names or storage: the PipelineService decides what should run.
 */
export class PipelineManager {
  private readonly runtimes = new Map<string, PipelineRuntime>();
  private readonly listeners = new Set<(pipelineId: string) => void>();
  private readonly tapListeners = new Set<(pipelineId: string, batches: readonly TappedBatch[]) => void>();
  private closing = false;

  constructor(private readonly options: PipelineManagerOptions) {}

  /** Starts a pipeline, or redeploys it with this definition if it runs. */
  async start(pipelineId: string, pipeline: Pipeline): Promise<void> {
    if (this.closing) throw new Error('the server is shutting down');
    await this.runtime(pipelineId).start(pipeline);
  }

  async stop(pipelineId: string): Promise<void> {
    await this.runtimes.get(pipelineId)?.stop();
  }

  /** Stops the pipeline and forgets it. */
  async remove(pipelineId: string): Promise<void> {
    const runtime = this.runtimes.get(pipelineId);
    if (!runtime) return;
    await runtime.stop();
    this.runtimes.delete(pipelineId);
  }

  state(pipelineId: string): RuntimeState {
    return this.runtimes.get(pipelineId)?.state() ?? STOPPED;
  }

  /** Metrics for a definition: live numbers while it runs, totals of earlier runs, zeros otherwise. */
  async metrics(pipelineId: string, definition: MetricsDefinition): Promise<PipelineMetrics> {
    return this.runtime(pipelineId).currentMetrics(definition);
  }

  /** The definition a pipeline runs with, while it is not stopped. */
  deployedDefinition(pipelineId: string): Pipeline | undefined {
    const runtime = this.runtimes.get(pipelineId);
    return runtime && runtime.state().status !== 'stopped' ? runtime.deployed : undefined;
  }

  /** The latest metrics of every running pipeline, without asking the workers (live snapshots). */
  runningMetrics(): PipelineMetrics[] {
    const out: PipelineMetrics[] = [];
    for (const runtime of this.runtimes.values()) {
      const deployed = runtime.deployed;
      const { status } = runtime.state();
      if (deployed && (status === 'running' || status === 'deploying')) out.push(runtime.metrics.view(runtime.pipelineId, deployed));
    }
    return out;
  }

  /** Every pipeline that has a runtime, with its deployed definition (Prometheus). */
  *deployed(): Generator<{ pipelineId: string; pipeline: Pipeline; state: RuntimeState; metrics: PipelineMetrics }> {
    for (const runtime of this.runtimes.values()) {
      const pipeline = runtime.deployed;
      if (pipeline) yield { pipelineId: runtime.pipelineId, pipeline, state: runtime.state(), metrics: runtime.metrics.view(runtime.pipelineId, pipeline) };
    }
  }

  /**
   * Ends a pipeline's worker thread abruptly, as a crash would (no commit, no leaving the group).
   * For tests and drills of crash recovery; false when the pipeline has no worker.
   */
  async crashWorker(pipelineId: string): Promise<boolean> {
    return (await this.runtimes.get(pipelineId)?.crashWorker()) ?? false;
  }

  /** True when some pipeline should be running (the source-topic watch has work). */
  hasDeployed(): boolean {
    for (const runtime of this.runtimes.values()) if (runtime.isWanted) return true;
    return false;
  }

  /**
   * Tells every pipeline which topics exist now (see PipelineRuntime.sourcesExist), without
   * waiting: one pipeline busy stopping must not hold up the others' checks.
   */
  sourceTopicsChanged(exists: (topic: string) => boolean): void {
    for (const runtime of this.runtimes.values()) {
      runtime.sourcesExist(exists).catch((err: unknown) => this.options.logger.warn(`pipeline ${runtime.pipelineId}: source topic check failed: ${String(err)}`));
    }
  }

  /** Starts or stops sampling records at a node or edge of a pipeline (also across restarts). */
  tap(pipelineId: string, target: TapTarget, on: boolean): void {
    if (on) this.runtime(pipelineId).tap(target, true);
    else this.runtimes.get(pipelineId)?.tap(target, false);
  }

  /** Records sampled at tapped places, as workers post them. */
  onTapped(listener: (pipelineId: string, batches: readonly TappedBatch[]) => void): () => void {
    this.tapListeners.add(listener);
    return () => this.tapListeners.delete(listener);
  }

  /** Status changes, for live updates. */
  onChange(listener: (pipelineId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every worker gracefully; what should run is left as it is stored, to resume on start. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.runtimes.values()].map((r) => r.stop()));
    this.runtimes.clear();
  }

  private runtime(pipelineId: string): PipelineRuntime {
    let runtime = this.runtimes.get(pipelineId);
    if (!runtime) {
      runtime = new PipelineRuntime(pipelineId, {
        brokers: this.options.brokers,
        ...(this.options.connection ? { connection: this.options.connection } : {}),
        tuning: this.options.tuning ?? {},
        logger: this.options.logger,
        // Four times per push: a count reaches the canvas within ~1.25 s of the record, not ~2 s.
        metricsEveryMs: this.options.metricsEveryMs ?? 250,
        ...(this.options.workerScript ? { workerScript: this.options.workerScript } : {}),
        ...(this.options.backoff ? { backoff: this.options.backoff } : {}),
        onTapped: (id, batches) => {
          for (const listener of this.tapListeners) listener(id, batches);
        },
        onChange: (id) => {
          for (const listener of this.listeners) listener(id);
        },
      });
      this.runtimes.set(pipelineId, runtime);
    }
    return runtime;
  }
}
