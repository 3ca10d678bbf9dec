import { memo, useMemo, useState, type ReactNode } from 'react';
import { payloadText, type TapRecord } from './tap-record.js';
import { closeTap, useTapTarget, tapKey, type TapTarget } from './tap-target.js';
import { useTapRecords } from './use-tap-records.js';
import { inferShape } from './value-shape.js';
import './record-tap.css';

interface PanelProps {
  /** A link to the topic in the topic browser, shown with dead letters. */
  topicLink?: (topic: string) => ReactNode;
}

/** The records panel for whatever place is tapped; nothing when no place is. */
export function RecordTapPanel({ topicLink }: PanelProps) {
  const target = useTapTarget();
  if (!target) return null;
  return <TapView key={tapKey(target)} target={target} topicLink={topicLink} />;
}

type Tab = 'records' | 'shape';

function TapView({ target, topicLink }: PanelProps & { target: TapTarget }) {
  const { buffer, status, pause, resume } = useTapRecords(target);
  const [tab, setTab] = useState<Tab>('records');
  const shape = useMemo(() => (tab === 'shape' ? inferShape(buffer.shown) : []), [tab, buffer.shown]);
  const title = target.kind === 'topic' ? 'Dead letters' : target.kind === 'edge' ? 'Records on edge' : 'Records into';
  const browse = target.kind === 'topic' ? topicLink?.(target.topic) : null;

  return (
    <section className="tap-panel" aria-label={`${title} ${target.label}`} data-testid="record-tap">
      <header className="tap-head">
        <div className="tap-title">
          <span className="muted small">{title}</span>
          <strong title={target.label}>{target.label}</strong>
        </div>
        <button type="button" className="btn btn-small" aria-pressed={buffer.paused} onClick={buffer.paused ? resume : pause}>
          {buffer.paused ? `Resume${buffer.held.length ? ` (${buffer.held.length} new)` : ''}` : 'Pause'}
        </button>
        <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label="Close records panel" onClick={closeTap}>
          ×
        </button>
      </header>
      <p className="tap-status small" role="status">
        {status.phase === 'error' ? (
          <span className="tap-error">{status.message}</span>
        ) : status.phase === 'connecting' ? (
          'Connecting…'
        ) : (
          <>
            {buffer.shown.length} of the last 50{buffer.paused ? ', paused' : ''}
            {status.pipelineStatus && status.pipelineStatus !== 'running' ? ` · ${status.pipelineStatus}` : ''}
            {buffer.dropped > 0 ? ` · ${buffer.dropped} skipped` : ''}
          </>
        )}
        {browse ? (
          <>
            {' · '}
            {browse}
          </>
        ) : null}
      </p>
      <div className="tap-tabs" role="tablist" aria-label="Records view">
        <button type="button" role="tab" className="tap-tab" aria-selected={tab === 'records'} onClick={() => setTab('records')}>
          Records
        </button>
        <button type="button" role="tab" className="tap-tab" aria-selected={tab === 'shape'} onClick={() => setTab('shape')}>
          Value shape
        </button>
      </div>
      <div className="tap-body" role="tabpanel">
        {tab === 'records' ? (
          buffer.shown.length === 0 ? (
            <p className="muted small tap-empty">{target.kind === 'topic' ? 'No dead letters.' : 'Waiting for records to pass…'}</p>
          ) : (
            <ol className="tap-records" aria-label="Records">
              {buffer.shown.map((record) => (
                <TapRecordRow key={record.uid} record={record} />
              ))}
            </ol>
          )
        ) : shape.length === 0 ? (
          <p className="muted small tap-empty">No values yet.</p>
        ) : (
          <table className="tap-shape">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Types seen</th>
                <th scope="col">In</th>
              </tr>
            </thead>
            <tbody>
              {shape.map((field) => (
                <tr key={field.path}>
                  <td>
                    <code>{field.path}</code>
                  </td>
                  <td>{field.types.join(' | ')}</td>
                  <td className="muted">
                    {field.seen}/{buffer.shown.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

const TapRecordRow = memo(function TapRecordRow({ record }: { record: TapRecord }) {
  const headers = Object.entries(record.headers);
  return (
    <li className="tap-record">
      <div className="tap-record-meta small">
        <span className="tap-key" title="Key">
          {payloadText(record.key)}
        </span>
        <span className="muted">
          {record.partition !== undefined ? `p${record.partition}` : ''}
          {record.offset !== undefined ? `@${record.offset}` : ''}
        </span>
        <time className="muted">{record.timestamp !== undefined ? new Date(record.timestamp).toLocaleTimeString() : ''}</time>
      </div>
      <code className="tap-value">{payloadText(record.value)}</code>
      {headers.length > 0 ? (
        <div className="tap-headers small">
          {headers.map(([name, value]) => (
            <span key={name} className="tap-header">
              {name}: {value}
            </span>
          ))}
        </div>
      ) : null}
    </li>
  );
});
