import type { ConfigField, ExpressionKind } from '@sluice/topology';
import { CelField } from './CelField.js';
import { describedBy, FieldShell } from './FieldShell.js';
import { PredicatesField } from './PredicatesField.js';
import { TopicField } from './TopicField.js';
import type { FieldProps } from './field-props.js';

export type { FieldContext } from './field-props.js';

const CEL_KINDS: Record<string, ExpressionKind> = { 'cel-bool': 'bool', 'cel-value': 'value', 'cel-list': 'list' };

/** One config field, rendered by its catalogue type. */
export function ConfigFieldInput({ id, field, path, value, context, onChange }: FieldProps) {
  const error = context.errorAt(path);
  const common = { id, label: field.label, help: field.help, required: field.required };
  switch (field.type) {
    case 'topic':
      return (
        <TopicField
          {...common}
          placeholder={field.placeholder}
          value={typeof value === 'string' ? value : ''}
          topics={context.topics}
          error={error}
          onFocus={context.refreshTopics}
          onChange={onChange}
        />
      );
    case 'cel-bool':
    case 'cel-value':
    case 'cel-list':
      return (
        <CelField
          {...common}
          kind={CEL_KINDS[field.type]}
          value={typeof value === 'string' ? value : ''}
          placeholder={field.example}
          onChange={onChange}
        />
      );
    case 'enum':
      return (
        <FieldShell {...common} error={error}>
          <select
            id={id}
            className="select"
            value={typeof value === 'string' ? value : field.default}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, error)}
            onChange={(e) => onChange(e.target.value)}
          >
            {field.options.map((option) => (
              <option key={option.value} value={option.value} title={option.help}>
                {option.label}
                {option.help ? ` — ${option.help}` : ''}
              </option>
            ))}
          </select>
        </FieldShell>
      );
    case 'number':
      return (
        <FieldShell {...common} error={error}>
          <input
            id={id}
            className="input"
            type="number"
            min={field.min}
            max={field.max}
            value={typeof value === 'number' ? value : ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, error)}
            onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
          />
        </FieldShell>
      );
    case 'boolean':
      return (
        <FieldShell {...common} error={error}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-describedby={describedBy(id, error)}
            onChange={(e) => onChange(e.target.checked)}
          />
        </FieldShell>
      );
    case 'predicates':
      return <PredicatesField id={id} field={field} path={path} value={value} context={context} onChange={onChange} ItemField={ConfigFieldInput} />;
    case 'string':
    default:
      return (
        <FieldShell {...common} error={error}>
          <input
            id={id}
            className="input"
            value={typeof value === 'string' ? value : ''}
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, error)}
            onChange={(e) => onChange(e.target.value)}
          />
        </FieldShell>
      );
  }
}
