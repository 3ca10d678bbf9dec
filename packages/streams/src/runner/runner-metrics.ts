import { computeRates, type MetricsRates, type MetricsSnapshot, type TopologyMetrics } from '../metrics/index.js';

export type RunnerState = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

/** A metrics snapshot of a running pipeline, with per-second rates and consumer lag per partition. */
export interface RunnerMetrics extends MetricsSnapshot {
  readonly pipelineId: string;
  readonly consumerGroup: string;
  readonly state: RunnerState;
  /** Rates over roughly the last second; all zero until a second has passed. */
  readonly rates: MetricsRates;
  /** Sum of the lag of every source partition this instance owns. */
  readonly totalLag: number;
}

const SAMPLE_EVERY_MS = 1000;
const MIN_RATE_WINDOW_MS = 500;

/** Takes a snapshot every second so rates can be computed over a recent, stable window. */
export class RateSampler {
  private last: MetricsSnapshot;
  private beforeLast: MetricsSnapshot;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly metrics: TopologyMetrics) {
    this.last = this.beforeLast = metrics.snapshot();
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.beforeLast = this.last;
      this.last = this.metrics.snapshot();
    }, SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A fresh snapshot and its rates against a sample at least half a second old. */
  current(): { snapshot: MetricsSnapshot; rates: MetricsRates } {
    const snapshot = this.metrics.snapshot();
    const base = snapshot.at - this.last.at >= MIN_RATE_WINDOW_MS ? this.last : this.beforeLast;
    return { snapshot, rates: computeRates(base, snapshot) };
  }
}
