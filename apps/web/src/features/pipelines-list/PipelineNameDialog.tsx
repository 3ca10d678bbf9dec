import { useState, type FormEvent } from 'react';
import { Dialog } from '../../ui/index.js';

const NAME = /^[A-Za-z0-9._-]+$/;

export function nameProblem(name: string): string | null {
  if (name === '') return 'Give the pipeline a name, such as extreme-weather.';
  if (!NAME.test(name)) return "Use only letters, digits, '.', '_' and '-'.";
  if (name.length > 200) return 'Names are at most 200 characters.';
  return null;
}

interface Props {
  title: string;
  submitLabel: string;
  initialName?: string;
  onSubmit(name: string): Promise<string | null>;
  onClose(): void;
}

/** Asks for a pipeline name (new or rename) and shows the server's answer when it refuses. */
export function PipelineNameDialog({ title, submitLabel, initialName = '', onSubmit, onClose }: Props) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = nameProblem(name.trim());
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    const refused = await onSubmit(name.trim());
    setBusy(false);
    if (refused) setError(refused);
  };

  return (
    <Dialog open title={title} onClose={onClose}>
      <form onSubmit={submit} className="dialog-body" style={{ padding: 0 }}>
        <div className="field">
          <label className="field-label" htmlFor="pipeline-name">
            Name
          </label>
          <input
            id="pipeline-name"
            className="input"
            autoFocus
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby="pipeline-name-help"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
          <span id="pipeline-name-help" className={error ? 'field-error' : 'field-help'} role={error ? 'alert' : undefined}>
            {error ?? "Letters, digits, '.', '_' and '-'. It also names the dead-letter topic (<name>.dlq)."}
          </span>
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
