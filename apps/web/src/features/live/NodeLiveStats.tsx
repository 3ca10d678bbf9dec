import { deadLetterTopicOf, nodeTypeInfo, type NodeType } from '@sluice/topology';
import { memo } from 'react';
import { usePipelineStore, usePipelineStoreApi } from '../../infrastructure/store/index.js';
import { openTap, useIsTapped } from '../record-tap/index.js';
import { describeCatchUp, formatCount, formatDuration, formatLatency, formatRate } from './live-format.js';
import { useLatency, useNodeErroring, useNodeRates, useSourceLag, type SourceLag } from './live-selectors.js';

interface Props {
  nodeId: string;
  type: NodeType;
  /** The source's topic, for its lag. */
  topic?: string;
}

/**
 * The live numbers under a node while its pipeline runs: in/out/errors per second, a source's
 * lag and catch-up time, a sink's end-to-end latency; a button that taps the records entering
 * it and, once it has failed records, a link to its dead letters.
 */
function NodeLiveStatsImpl({ nodeId, type, topic }: Props) {
  const pipelineId = usePipelineStore((s) => s.pipelineId);
  const rates = useNodeRates(pipelineId, nodeId);
  const tapped = useIsTapped('node', nodeId);
  const store = usePipelineStoreApi();
  if (!rates.live) return null;
  const category = nodeTypeInfo(type).category;

  const openDeadLetters = () => {
    const { doc } = store.getState();
    const node = doc.nodes.find((n) => n.id === nodeId);
    const dlq = deadLetterTopicOf({ name: doc.meta.name, settings: doc.meta.settings as { deadLetterTopic?: string } | undefined }, { deadLetterTopic: node?.data.deadLetterTopic });
    openTap({ kind: 'topic', topic: dlq, label: dlq });
  };

  return (
    <div className="node-live nodrag" data-testid="node-live">
      <div className="node-live-rates">
        {category !== 'Sources' ? <Stat label="in" value={formatRate(rates.inPerSec)} /> : null}
        <Stat label="out" value={formatRate(rates.outPerSec)} />
        <Stat label="err" value={formatRate(rates.errorsPerSec)} alert={rates.errorsPerSec > 0} />
      </div>
      {category === 'Sources' ? <SourceLagLine pipelineId={pipelineId} topic={topic} /> : null}
      {category === 'Sinks' ? <LatencyLine pipelineId={pipelineId} /> : null}
      <div className="node-live-actions">
        <button
          type="button"
          className="node-live-link"
          aria-pressed={tapped}
          aria-label={`Show records entering ${nodeId}`}
          onClick={() => openTap({ kind: 'node', pipelineId, nodeId, label: nodeId })}
        >
          Records
        </button>
        {rates.errors > 0 || rates.deadLetters > 0 ? (
          <button type="button" className="node-live-link node-live-dlq" aria-label={`Show dead letters of ${nodeId}`} onClick={openDeadLetters}>
            {formatCount(rates.deadLetters || rates.errors)} dead letters
          </button>
        ) : null}
      </div>
    </div>
  );
}

function Stat({ label, value, alert = false }: { label: string; value: string; alert?: boolean }) {
  return (
    <span className={`node-live-stat${alert ? ' is-alert' : ''}`} data-stat={label}>
      <span className="node-live-label">{label}</span> {value}
    </span>
  );
}

function lagText(lag: SourceLag): string {
  if (lag.estimate === 'caught-up') return 'caught up';
  if (lag.estimate === 'draining') return describeCatchUp({ kind: 'draining', seconds: lag.seconds, drainPerSec: lag.ratePerSec });
  if (lag.estimate === 'falling-behind') return describeCatchUp({ kind: 'falling-behind', growthPerSec: lag.ratePerSec });
  return 'catch-up …';
}

function SourceLagLine({ pipelineId, topic }: { pipelineId: string; topic?: string }) {
  const lag = useSourceLag(pipelineId, topic);
  if (!lag) return <div className="node-live-line muted">lag …</div>;
  return (
    <div className="node-live-line" data-stat="lag" title={lag.estimate === 'draining' ? `Lag ${lag.lag}, shrinking ${formatRate(lag.ratePerSec)}: about ${formatDuration(lag.seconds)} to catch up` : undefined}>
      <span className="node-live-label">lag</span> {formatCount(lag.lag)} · {lagText(lag)}
    </div>
  );
}

function LatencyLine({ pipelineId }: { pipelineId: string }) {
  const latency = useLatency(pipelineId);
  if (!latency) return null;
  return (
    <div className="node-live-line" data-stat="latency" title="Record timestamp to write acknowledged, this run">
      <span className="node-live-label">p50</span> {formatLatency(latency.p50)} · <span className="node-live-label">p99</span> {formatLatency(latency.p99)}
    </div>
  );
}

export const NodeLiveStats = memo(NodeLiveStatsImpl);

/** For the node frame: red while the node fails records. */
export function useNodeLiveErrors(nodeId: string): boolean {
  const pipelineId = usePipelineStore((s) => s.pipelineId);
  return useNodeErroring(pipelineId, nodeId);
}
