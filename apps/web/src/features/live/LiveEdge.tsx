import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { usePipelineStore } from '../../infrastructure/store/index.js';
import { openTap } from '../record-tap/index.js';
import { formatRate, rateBand, strokeWidthForRate } from './live-format.js';
import { useEdgeRate } from './live-selectors.js';

/**
 * The canvas edge: a bezier like React Flow's default, plus, while the pipeline runs, its
 * records per second as a label (a button that taps the edge) and a stroke whose width and colour
 * follow the rate. Only this edge re-renders when its rate changes.
 */
function LiveEdgeImpl(props: EdgeProps) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, markerStart, style, interactionWidth } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const pipelineId = usePipelineStore((s) => s.pipelineId);
  const rate = useEdgeRate(pipelineId, id);

  if (rate === undefined) {
    return <BaseEdge id={id} path={path} markerEnd={markerEnd} markerStart={markerStart} style={style} interactionWidth={interactionWidth} />;
  }
  const band = rateBand(rate);
  const text = formatRate(rate);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        markerStart={markerStart}
        className={`live-edge live-edge-${band}`}
        style={{ ...style, strokeWidth: strokeWidthForRate(rate) }}
        interactionWidth={interactionWidth}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`edge-rate edge-rate-${band} nodrag nopan`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-edge-rate={id}
          aria-label={`${text} from ${source} to ${target}: show the records`}
          title="Records per second; click to see the records passing here"
          onClick={() => openTap({ kind: 'edge', pipelineId, edgeId: id, label: `${id} (${source} → ${target})` })}
        >
          {text}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const LiveEdge = memo(LiveEdgeImpl);

/** At module scope, replacing the built-in default edge: a new object per render would remount every edge. */
export const liveEdgeTypes = { default: LiveEdge };
