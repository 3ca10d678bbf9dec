import { useId, useState, type FormEvent } from 'react';
import { parseHeaderLines } from './record-format.js';
import { errorText, useApi, type ProducedRecord, type TopicView } from '../../infrastructure/api/index.js';
import { Notice } from '../../ui/index.js';

/** A test record: key, value (written as typed; JSON stays JSON), headers, and a partition if wanted. */
export function ProducePanel({ topic, onProduced }: { topic: TopicView; onProduced(produced: ProducedRecord): void }) {
  const api = useApi();
  const headerHelp = useId();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [headerText, setHeaderText] = useState('');
  const [partition, setPartition] = useState('auto');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const produce = async (event: FormEvent) => {
    event.preventDefault();
    const headers = parseHeaderLines(headerText);
    if ('error' in headers) return setError(`Headers: ${headers.error}`);
    setBusy(true);
    try {
      const produced = await api.produce(topic.name, {
        key: key === '' ? null : key,
        value,
        headers: headers.headers,
        ...(partition !== 'auto' ? { partition: Number(partition) } : {}),
      });
      setResult(`Produced to partition ${produced.partition} at offset ${produced.offset}.`);
      setError(null);
      onProduced(produced);
    } catch (err) {
      setError(errorText(err));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label="Produce a record">
      <h2>Produce a test record</h2>
      <form className="form-grid" onSubmit={(e) => void produce(e)}>
        <div className="form-row">
          <label className="field">
            <span className="field-label">Key</span>
            <input className="input" placeholder="none" value={key} onChange={(e) => setKey(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Partition</span>
            <select className="select" value={partition} onChange={(e) => setPartition(e.target.value)}>
              <option value="auto">By key</option>
              {topic.partitions.map((p) => (
                <option key={p.partition} value={String(p.partition)}>
                  {p.partition}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field-label">Value</span>
          <textarea className="textarea code" rows={4} placeholder='{"station":"oslo","temperature":12.5}' value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <div className="field">
          <label className="field-label" htmlFor={`${headerHelp}-input`}>
            Headers
          </label>
          <textarea id={`${headerHelp}-input`} aria-describedby={headerHelp} className="textarea code" rows={2} placeholder="source=manual" value={headerText} onChange={(e) => setHeaderText(e.target.value)} />
          <span id={headerHelp} className="field-help">
            One name=value a line.
          </span>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {result ? (
          <Notice>
            {result}
          </Notice>
        ) : null}
        <div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Produce
          </button>
        </div>
      </form>
    </section>
  );
}
