import { describedBy, FieldShell } from './FieldShell.js';

interface Props {
  id: string;
  label: string;
  help: string;
  required: boolean;
  placeholder?: string;
  value: string;
  topics: readonly string[];
  error?: string;
  onChange(value: string): void;
  onFocus(): void;
}

export const TOPICS_LIST_ID = 'broker-topics';

/** A topic name, completed from the broker's topics; a name not in the list is created on deploy. */
export function TopicField({ id, label, help, required, placeholder, value, topics, error, onChange, onFocus }: Props) {
  const isNew = value !== '' && topics.length > 0 && !topics.includes(value);
  return (
    <FieldShell id={id} label={label} help={help} required={required} error={error}>
      <input
        id={id}
        className="input"
        list={TOPICS_LIST_ID}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onFocus={onFocus}
        onChange={(e) => onChange(e.target.value)}
      />
      {isNew ? <span className="field-note">New topic: it does not exist on the broker yet.</span> : null}
    </FieldShell>
  );
}

/** One datalist per page, shared by every topic field. */
export function TopicOptions({ topics }: { topics: readonly string[] }) {
  return (
    <datalist id={TOPICS_LIST_ID}>
      {topics.map((topic) => (
        <option key={topic} value={topic} />
      ))}
    </datalist>
  );
}
