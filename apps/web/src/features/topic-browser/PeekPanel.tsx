import { useState, type FormEvent } from 'react';
import { showPayload, timeText, wholeNumber } from './record-format.js';
import { errorText, useApi, type PeekedMessage, type TopicView } from '../../infrastructure/api/index.js';

/** Records of a topic: the newest N, or N from an offset of one partition. */
export function PeekPanel({ topic }: { topic: TopicView }) {
  const api = useApi();
  const [partition, setPartition] = useState('all');
  const [offset, setOffset] = useState('');
  const [limit, setLimit] = useState('20');
  const [records, setRecords] = useState<PeekedMessage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const peek = async (event: FormEvent) => {
    event.preventDefault();
    const from = wholeNumber(offset);
    const count = wholeNumber(limit);
    if (from === 'invalid' || (from !== undefined && from < 0)) return setError('Offset: a whole number, 0 or more (blank for the newest).');
    if (count === 'invalid' || count === undefined || count < 1 || count > 500) return setError('Records: 1 to 500.');
    setBusy(true);
    try {
      setRecords(
        await api.peek(topic.name, {
          limit: count,
          ...(partition !== 'all' ? { partition: Number(partition) } : {}),
          ...(from !== undefined ? { offset: from } : {}),
        }),
      );
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label="Peek records">
      <h2>Records</h2>
      <form className="inline-form" onSubmit={(e) => void peek(e)}>
        <label className="field">
          <span className="field-label">Partition</span>
          <select className="select" value={partition} onChange={(e) => setPartition(e.target.value)}>
            <option value="all">All</option>
            {topic.partitions.map((p) => (
              <option key={p.partition} value={String(p.partition)}>
                {p.partition}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">From offset</span>
          <input className="input" inputMode="numeric" placeholder="newest" value={offset} onChange={(e) => setOffset(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Records</span>
          <input className="input" inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Peek
        </button>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {records === null ? null : records.length === 0 ? (
        <p className="muted">No records there.</p>
      ) : (
        <table className="data-table records-table" aria-label="Peeked records">
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col">Offset</th>
              <th scope="col">Timestamp</th>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">Headers</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => {
              const key = showPayload(r.key);
              const value = showPayload(r.value);
              return (
                <tr key={`${r.partition}:${r.offset}`}>
                  <td className="num">{r.partition}</td>
                  <td className="num">{r.offset}</td>
                  <td className="muted nowrap">{timeText(r.timestamp)}</td>
                  <td>
                    <code className={`payload payload-${key.kind}`}>{key.text}</code>
                  </td>
                  <td>
                    <pre className={`payload payload-${value.kind}`} data-format={value.kind}>
                      {value.text}
                    </pre>
                  </td>
                  <td>
                    {Object.entries(r.headers).map(([k, v]) => (
                      <div key={k} className="header-line">
                        <code>{k}</code>: {v}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
