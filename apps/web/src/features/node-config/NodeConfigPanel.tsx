import { catalogue, nodeTypeInfo, type OnErrorMode } from '@sluice/topology';
import { useEffect, useMemo, useState } from 'react';
import { fieldPathOf, type DesignerNode } from '../../core/index.js';
import { selectIssuesOfNode, usePipelineStore } from '../../infrastructure/store/index.js';
import { ConfigFieldInput, type FieldContext } from './fields/ConfigFieldInput.js';
import { describedBy, FieldShell } from './fields/FieldShell.js';
import { TopicField } from './fields/TopicField.js';

interface Props {
  node: DesignerNode;
  topics: readonly string[];
  refreshTopics(): void;
}

/** The form for one node, generated from its catalogue entry; every change goes straight to the store. */
export function NodeConfigPanel({ node, topics, refreshTopics }: Props) {
  const info = nodeTypeInfo(node.type);
  const issues = usePipelineStore(selectIssuesOfNode(node.id));
  const setConfigField = usePipelineStore((s) => s.setConfigField);
  const updateNode = usePipelineStore((s) => s.updateNode);

  const context = useMemo<FieldContext>(() => {
    const byPath = new Map<string, string>();
    for (const issue of issues) {
      const path = fieldPathOf(issue);
      if (path !== undefined && !byPath.has(path)) byPath.set(path, issue.message);
    }
    return { errorAt: (path) => byPath.get(path), topics, refreshTopics };
  }, [issues, topics, refreshTopics]);

  // Problems not tied to a field (wiring, for example) are listed at the top of the form.
  const nodeProblems = issues.filter((issue) => {
    const path = fieldPathOf(issue);
    return path === undefined || path === '' || !/^(config|label|onError|deadLetterTopic|id)/.test(path);
  });

  const base = `node-${node.id}`;
  return (
    <form className="config-form" aria-label={`${info.label} settings`} onSubmit={(e) => e.preventDefault()}>
      <header className="config-head">
        <span className={`config-type category-${info.category.toLowerCase()}`}>{info.label}</span>
        <p className="muted">{info.description}</p>
      </header>

      {nodeProblems.length > 0 ? (
        <ul className="config-problems" aria-label="Problems with this node">
          {nodeProblems.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      ) : null}

      <NodeIdField key={node.id} id={node.id} error={context.errorAt('id')} />
      <FieldShell id={`${base}-label`} label="Label" help="A name for people; the canvas shows it instead of the id." error={context.errorAt('label')}>
        <input
          id={`${base}-label`}
          className="input"
          value={node.data.label ?? ''}
          placeholder={node.id}
          aria-describedby={describedBy(`${base}-label`)}
          onChange={(e) => updateNode(node.id, { label: e.target.value === '' ? undefined : e.target.value })}
        />
      </FieldShell>

      {info.fields.map((field) => (
        <ConfigFieldInput
          key={field.name}
          id={`${base}-${field.name}`}
          field={field}
          path={`config.${field.name}`}
          value={node.data.config[field.name]}
          context={context}
          onChange={(value) => setConfigField(node.id, field.name, value)}
        />
      ))}

      <details className="config-advanced">
        <summary>Error handling</summary>
        <p className="field-help">When this node fails on a record: {info.errors}.</p>
        <FieldShell id={`${base}-onError`} label="On error" help={catalogue.onError.help} error={context.errorAt('onError')}>
          <select
            id={`${base}-onError`}
            className="select"
            value={node.data.onError ?? catalogue.onError.default}
            aria-describedby={describedBy(`${base}-onError`)}
            onChange={(e) => updateNode(node.id, { onError: e.target.value as OnErrorMode })}
          >
            {catalogue.onError.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label} — {option.help}
              </option>
            ))}
          </select>
        </FieldShell>
        <TopicField
          id={`${base}-deadLetterTopic`}
          label="Dead-letter topic"
          help="Where this node's dead letters go; empty means the pipeline's (by default <pipeline name>.dlq)."
          required={false}
          value={node.data.deadLetterTopic ?? ''}
          topics={topics}
          error={context.errorAt('deadLetterTopic')}
          onFocus={refreshTopics}
          onChange={(value) => updateNode(node.id, { deadLetterTopic: value === '' ? undefined : value })}
        />
      </details>
    </form>
  );
}

/** The node id, renamed on Enter or when the field loses focus; edges follow the node. */
function NodeIdField({ id, error }: { id: string; error?: string }) {
  const renameNode = usePipelineStore((s) => s.renameNode);
  const [draft, setDraft] = useState(id);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => setDraft(id), [id]);
  const commit = () => {
    if (draft === id) return;
    const refused = renameNode(id, draft.trim());
    setRefusal(refused);
    if (refused) setDraft(id);
  };
  const fieldId = `node-id-${id}`;
  const shown = refusal ?? error;
  return (
    <FieldShell id={fieldId} label="Node id" help="Names the node in metrics, dead-letter headers and validation messages." error={shown}>
      <input
        id={fieldId}
        className="input code"
        value={draft}
        spellCheck={false}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy(fieldId, shown)}
        onChange={(e) => {
          setDraft(e.target.value);
          setRefusal(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </FieldShell>
  );
}
