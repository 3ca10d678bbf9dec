import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  help: string;
  required?: boolean;
  error?: string;
  children: ReactNode;
}

/** Label above, help and error below: the same frame for every generated field. */
export function FieldShell({ id, label, help, required, error, children }: Props) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
        {required ? (
          <span className="field-required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
      <span id={`${id}-help`} className="field-help">
        {help}
      </span>
    </div>
  );
}

export function describedBy(id: string, error?: string): string {
  return error ? `${id}-error ${id}-help` : `${id}-help`;
}
