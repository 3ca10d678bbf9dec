import { DEFAULT_BRANCH_OUTPUT, MAX_BRANCH_PREDICATES, type ConfigField } from '@sluice/topology';
import type { ComponentType } from 'react';
import type { FieldContext, FieldProps } from './field-props.js';

type PredicatesConfigField = Extract<ConfigField, { type: 'predicates' }>;
type Item = Record<string, unknown>;

interface Props {
  id: string;
  field: PredicatesConfigField;
  path: string;
  value: unknown;
  context: FieldContext;
  onChange(value: unknown): void;
  /** Renders each predicate's fields (the form's own field input, passed in to keep imports one-way). */
  ItemField: ComponentType<FieldProps>;
}

/** A branch's outputs: one row per predicate (its name is the output handle), in match order. */
export function PredicatesField({ id, field, path, value, context, onChange, ItemField }: Props) {
  const items: Item[] = Array.isArray(value) ? (value as Item[]) : [];
  const update = (index: number, key: string, next: unknown) =>
    onChange(items.map((item, i) => (i === index ? { ...item, [key]: next } : item)));
  const move = (index: number, by: number) => {
    const list = [...items];
    const [item] = list.splice(index, 1);
    list.splice(index + by, 0, item);
    onChange(list);
  };
  const freeName = () => {
    const names = new Set(items.map((item) => item.name));
    for (let n = items.length + 1; ; n++) if (!names.has(`output_${n}`)) return `output_${n}`;
  };
  const listError = context.errorAt(path);

  return (
    <fieldset className="field predicates" aria-describedby={`${id}-help`}>
      <legend className="field-label">{field.label}</legend>
      <span id={`${id}-help`} className="field-help">
        {field.help} Records no predicate matches leave through “{DEFAULT_BRANCH_OUTPUT}”.
      </span>
      {listError ? <span className="field-error">{listError}</span> : null}
      <ol className="predicate-list">
        {items.map((item, index) => (
          <li key={index} className="predicate-item">
            <div className="predicate-head">
              <span className="predicate-number">{index + 1}</span>
              <span className="spacer" />
              <button type="button" className="btn btn-ghost btn-small" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move output ${index + 1} up`}>
                ↑
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                disabled={index === items.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`Move output ${index + 1} down`}
              >
                ↓
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small btn-danger"
                disabled={items.length <= 1}
                onClick={() => onChange(items.filter((_, i) => i !== index))}
                aria-label={`Remove output ${index + 1}`}
              >
                Remove
              </button>
            </div>
            {field.itemFields.map((itemField) => (
              <ItemField
                key={itemField.name}
                id={`${id}-${index}-${itemField.name}`}
                field={itemField}
                path={`${path}[${index}].${itemField.name}`}
                value={item[itemField.name]}
                context={context}
                onChange={(next) => update(index, itemField.name, next)}
              />
            ))}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-small"
        disabled={items.length >= MAX_BRANCH_PREDICATES}
        onClick={() => onChange([...items, { name: freeName(), expression: 'true' }])}
      >
        Add output
      </button>
    </fieldset>
  );
}
