import { memo } from 'react';
import { liveStore, useLive } from '../../infrastructure/live/index.js';
import { formatRate } from '../live/index.js';
import { sparklinePoints } from './dashboard-series.js';

const WIDTH = 120;
const HEIGHT = 28;
const SECONDS = 5 * 60;

/** Records per second read by a pipeline over the last five minutes, with the current rate. */
function ThroughputSparklineImpl({ pipelineId }: { pipelineId: string }) {
  // The newest point changes identity only when this pipeline got a new snapshot.
  const last = useLive((s) => s.pipelines[pipelineId]?.metrics && s.historyOf(pipelineId).last());
  if (!last) return <span className="sparkline-empty muted">—</span>;
  const points = sparklinePoints(liveStore.getState().historyOf(pipelineId).recent(SECONDS), SECONDS, WIDTH, HEIGHT);
  return (
    <span className="sparkline" data-testid="sparkline" title="Records per second read, last 5 minutes">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Throughput ${formatRate(last.in)}`}>
        <polyline points={points} fill="none" stroke="var(--accent)" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <span className="sparkline-rate">{formatRate(last.in)}</span>
    </span>
  );
}

export const ThroughputSparkline = memo(ThroughputSparklineImpl);
