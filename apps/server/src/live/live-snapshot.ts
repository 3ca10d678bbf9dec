import type { PipelineManager, PipelineMetrics, PipelineService, PipelineStatus } from '../pipelines/index.js';
import type { LiveSnapshot } from '@sluice/api';

export type { LiveSnapshot } from '@sluice/api';

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
