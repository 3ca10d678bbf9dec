import { checkExpression, type ExpressionKind } from '@sluice/topology';
import { useMemo } from 'react';
import { describedBy } from './FieldShell.js';

interface Props {
  id: string;
  label: string;
  help: string;
  required: boolean;
  kind: ExpressionKind;
  value: string;
  placeholder?: string;
  onChange(value: string): void;
}

/**
 * A CEL expression, checked on every keystroke: the error says what is wrong and the expression
 * is shown again with the offending part marked, at its line and column.
 */
export function CelField({ id, label, help, required, kind, value, placeholder, onChange }: Props) {
  const check = useMemo(() => checkExpression(value, kind), [value, kind]);
  const error = check.ok ? undefined : check.error;

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
      <textarea
        id={id}
        className="textarea code cel-input"
        value={value}
        rows={Math.min(8, Math.max(2, value.split('\n').length))}
        spellCheck={false}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error?.message)}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <div id={`${id}-error`} className="cel-error" role="alert" data-line={error.position?.line} data-column={error.position?.column}>
          <span className="field-error">
            {error.position ? (
              <strong>
                Line {error.position.line}, column {error.position.column}:{' '}
              </strong>
            ) : null}
            {error.position ? withoutPosition(error.message) : error.message}
          </span>
          {error.position ? <ErrorExcerpt source={value} offset={error.position.offset} length={error.position.length} /> : null}
        </div>
      ) : (
        <span className="field-ok">
          Valid expression
        </span>
      )}
      <span id={`${id}-help`} className="field-help">
        {help}
      </span>
    </div>
  );
}

/** The message without its own " at 1:29", which the line and column above already give. */
function withoutPosition(message: string): string {
  return message.replace(/ at \d+:\d+/, '');
}

/** The line of the expression holding the error, with the bad span marked (a caret if empty). */
function ErrorExcerpt({ source, offset, length }: { source: string; offset: number; length: number }) {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const lineEndAt = source.indexOf('\n', offset);
  const lineEnd = lineEndAt === -1 ? source.length : lineEndAt;
  const end = Math.min(lineEnd, offset + Math.max(length, 0));
  return (
    <pre className="cel-excerpt" aria-hidden="true">
      {source.slice(lineStart, offset)}
      <mark className={end > offset ? 'cel-mark' : 'cel-caret'}>{end > offset ? source.slice(offset, end) : ' '}</mark>
      {source.slice(end, lineEnd)}
    </pre>
  );
}
