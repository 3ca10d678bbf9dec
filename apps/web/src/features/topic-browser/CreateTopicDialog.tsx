import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/index.js';
import { parseConfigLines, wholeNumber } from './record-format.js';
import { errorText, useApi, type TopicView } from '../../infrastructure/api/index.js';

interface Props {
  onClose(): void;
  onCreated(topic: TopicView): void;
}

/** New topic: name, partitions, replication factor and configs as in kafka-topics.sh. */
export function CreateTopicDialog({ onClose, onCreated }: Props) {
  const api = useApi();
  const configHelp = useId();
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('1');
  const [replication, setReplication] = useState('1');
  const [configText, setConfigText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const p = wholeNumber(partitions);
    const r = wholeNumber(replication);
    if (p === 'invalid' || (p !== undefined && p < 1)) return setError('Partitions: a whole number, 1 or more.');
    if (r === 'invalid' || (r !== undefined && r < 1)) return setError('Replication factor: a whole number, 1 or more.');
    const config = parseConfigLines(configText);
    if ('error' in config) return setError(`Configs: ${config.error}`);
    setBusy(true);
    try {
      const created = await api.createTopic({
        name: name.trim(),
        ...(p !== undefined ? { partitions: p } : {}),
        ...(r !== undefined ? { replicationFactor: r } : {}),
        ...(Object.keys(config.config).length > 0 ? { config: config.config } : {}),
      });
      onCreated(created);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open title="New topic" onClose={onClose}>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">Name</span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
        <div className="form-row">
          <label className="field">
            <span className="field-label">Partitions</span>
            <input className="input" inputMode="numeric" value={partitions} onChange={(e) => setPartitions(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Replication factor</span>
            <input className="input" inputMode="numeric" value={replication} onChange={(e) => setReplication(e.target.value)} />
          </label>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${configHelp}-input`}>
            Configs
          </label>
          <textarea id={`${configHelp}-input`} aria-describedby={configHelp} className="textarea code" rows={3} placeholder="retention.ms=86400000" value={configText} onChange={(e) => setConfigText(e.target.value)} />
          <span id={configHelp} className="field-help">
            One name=value a line, as kafka-topics.sh --config takes them.
          </span>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || name.trim() === ''}>
            Create topic
          </button>
        </div>
      </form>
    </Dialog>
  );
}
