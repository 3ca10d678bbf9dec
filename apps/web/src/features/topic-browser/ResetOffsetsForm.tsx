import { useState, type FormEvent } from 'react';
import { wholeNumber } from './record-format.js';
import { errorText, useApi, type GroupDetail, type OffsetReset, type ResetOffsetsRequest } from '../../infrastructure/api/index.js';
import { Notice } from '../../ui/index.js';

const ACTIVE = (state: string) => state !== 'Empty' && state !== 'Dead';

/** Moves a group's committed offsets on one topic; a dry run shows the plan first. */
export function ResetOffsetsForm({ group, onReset }: { group: GroupDetail; onReset(): void }) {
  const api = useApi();
  const topics = [...new Set(group.partitions.map((p) => p.topic))];
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [to, setTo] = useState<ResetOffsetsRequest['to']>('earliest');
  const [value, setValue] = useState('');
  const [plan, setPlan] = useState<OffsetReset | null>(null);
  const [error, setError] = useState<string | null>(null);
  const needsValue = to === 'offset' || to === 'shift';

  const run = async (dryRun: boolean, event?: FormEvent) => {
    event?.preventDefault();
    const n = wholeNumber(value);
    if (needsValue && (n === undefined || n === 'invalid')) return setError(to === 'offset' ? 'Offset: a whole number.' : 'Shift by: a whole number (negative goes back).');
    try {
      const result = await api.resetOffsets(group.groupId, { topic, to, dryRun, ...(needsValue ? { value: n as number } : {}) });
      setPlan(result);
      setError(null);
      if (!dryRun) onReset();
    } catch (err) {
      setError(errorText(err));
      setPlan(null);
    }
  };

  if (topics.length === 0) return null;
  return (
    <form className="reset-form" aria-label="Reset offsets" onSubmit={(e) => void run(true, e)}>
      <h3>Reset offsets</h3>
      {ACTIVE(group.state) ? (
        <Notice tone="warning">
          The group has members: Kafka resets offsets only of an inactive group. {group.pipelineId ? `Stop pipeline ${group.pipelineId} first.` : 'Stop its consumers first.'}
        </Notice>
      ) : null}
      <div className="inline-form">
        <label className="field">
          <span className="field-label">Topic</span>
          <select className="select" value={topic} onChange={(e) => setTopic(e.target.value)}>
            {topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">To</span>
          <select className="select" value={to} onChange={(e) => setTo(e.target.value as ResetOffsetsRequest['to'])}>
            <option value="earliest">Earliest</option>
            <option value="latest">Latest</option>
            <option value="offset">Offset</option>
            <option value="shift">Shift by</option>
          </select>
        </label>
        {needsValue ? (
          <label className="field">
            <span className="field-label">{to === 'offset' ? 'Offset' : 'Shift by'}</span>
            <input className="input" inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
        ) : null}
        <button type="submit" className="btn">
          Dry run
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void run(false)}>
          Reset
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {plan ? (
        <div role="status">
          <p className="muted">{plan.dryRun ? 'Planned (nothing changed yet):' : 'Offsets reset:'}</p>
          <table className="data-table" aria-label="Offset reset plan">
            <thead>
              <tr>
                <th scope="col">Partition</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {plan.partitions.map((p) => (
                <tr key={p.partition}>
                  <td className="num">{p.partition}</td>
                  <td className="num">{p.previousOffset ?? '—'}</td>
                  <td className="num">{p.newOffset}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {plan.warnings.map((w) => (
            <p key={w} className="field-help">
              {w}
            </p>
          ))}
        </div>
      ) : null}
    </form>
  );
}
