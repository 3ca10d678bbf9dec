import { liveSnapshotSchema, type LiveSnapshot } from '@sluice/api';

// The `data` of one `snapshot` event on GET /api/live, parsed by the contract's schema.

export type { EdgeMetrics, LatencySummary, LivePipeline, LiveSnapshot, NodeMetrics, PipelineMetrics, SourceLag } from '@sluice/api';

/** The snapshot in an event's data, or null when it is not one (a newer or broken server). */
export function readSnapshot(data: string): LiveSnapshot | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = liveSnapshotSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
