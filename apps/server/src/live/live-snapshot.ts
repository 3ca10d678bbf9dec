import type { PipelineManager, PipelineMetrics, PipelineService, PipelineStatus } from '../pipelines/index.js';

/** The `data` of one `snapshot` event on `GET /api/live`. */
export interface LiveSnapshot {
  readonly at: string;
  /** Every pipeline with its status; `metrics` for each one that is not stopped. */
  readonly pipelines: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly status: PipelineStatus;
    readonly error?: string;
    readonly metrics?: PipelineMetrics;
  }>;
}

export function liveSnapshot(pipelines: PipelineService, manager: PipelineManager): LiveSnapshot {
  const metrics = new Map(manager.runningMetrics().map((m) => [m.pipelineId, m]));
  return {
    at: new Date().toISOString(),
    pipelines: pipelines.list().map((p) => {
      const m = metrics.get(p.id);
      return { id: p.id, name: p.name, status: p.status, ...(p.error ? { error: p.error } : {}), ...(m ? { metrics: m } : {}) };
    }),
  };
}
