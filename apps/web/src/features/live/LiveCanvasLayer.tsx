import { Panel } from '@xyflow/react';
import { useEffect } from 'react';
import { useLive, useLiveStream } from '../../infrastructure/live/index.js';
import { usePipelineStore } from '../../infrastructure/store/index.js';
import { closeTap, RecordTapPanel } from '../record-tap/index.js';
import { followInApp } from './in-app-link.js';
import { usePipelineRunning } from './live-selectors.js';
import './live.css';

/** Dead letters are a topic: the topic browser shows all of them, with their headers. */
const topicLink = (topic: string) => (
  <a href={`/topics/${encodeURIComponent(topic)}`} onClick={followInApp}>
    Open in topic browser
  </a>
);

/**
 * The canvas' live layer, rendered inside React Flow: keeps the live stream open while the
 * designer is, says whether the numbers are live, links the dashboard, and holds the record panel.
 */
export function LiveCanvasLayer() {
  useLiveStream();
  useEffect(() => closeTap, []);
  const pipelineId = usePipelineStore((s) => s.pipelineId);
  const running = usePipelineRunning(pipelineId);
  const connection = useLive((s) => s.connection);

  return (
    <Panel position="top-right" className="live-layer">
      <div className="live-bar">
        {running ? (
          <span className={`live-chip${connection === 'open' ? '' : ' is-stale'}`} role="status" title="Numbers update every second">
            {connection === 'open' ? 'Live' : 'Reconnecting…'}
          </span>
        ) : null}
        <a className="btn btn-small" href={`/dashboard/${encodeURIComponent(pipelineId)}`} onClick={followInApp}>
          Dashboard
        </a>
      </div>
      <RecordTapPanel topicLink={topicLink} />
    </Panel>
  );
}
