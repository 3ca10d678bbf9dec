import { useMemo } from 'react';
import { fieldPathOf } from '../../core/index.js';
import { selectIssues, usePipelineStore } from '../../infrastructure/store/index.js';
import { describedBy, FieldShell } from './fields/FieldShell.js';
import { TopicField } from './fields/TopicField.js';

type Settings = { deadLetterTopic?: string; consumerGroup?: string };

/** With no node selected: the pipeline's own fields, and how to get going. */
export function PipelineSettingsPanel({ topics, refreshTopics }: { topics: readonly string[]; refreshTopics(): void }) {
  const meta = usePipelineStore((s) => s.doc.meta);
  const nodeCount = usePipelineStore((s) => s.doc.nodes.length);
  const edgeCount = usePipelineStore((s) => s.doc.edges.length);
  const issues = usePipelineStore(selectIssues);
  const updateMeta = usePipelineStore((s) => s.updateMeta);
  const settings = (meta.settings && typeof meta.settings === 'object' ? meta.settings : {}) as Settings;
  const errorAt = useMemo(() => {
    const byPath = new Map(issues.filter((i) => fieldPathOf(i) === undefined).map((i) => [i.path, i.message]));
    return (path: string) => byPath.get(path);
  }, [issues]);

  const setSetting = (key: keyof Settings, value: string) => {
    const next: Settings = { ...settings, [key]: value === '' ? undefined : value };
    if (next[key] === undefined) delete next[key];
    updateMeta({ settings: Object.keys(next).length > 0 ? next : undefined });
  };

  const description = typeof meta.description === 'string' ? meta.description : '';
  return (
    <form className="config-form" aria-label="Pipeline settings" onSubmit={(e) => e.preventDefault()}>
      <header className="config-head">
        <span className="config-type">Pipeline</span>
        <p className="muted">
          {nodeCount} {nodeCount === 1 ? 'node' : 'nodes'}, {edgeCount} {edgeCount === 1 ? 'connection' : 'connections'}. Select a node to
          configure it.
        </p>
      </header>
      <FieldShell id="pipeline-name-field" label="Name" help="Unique on this server; also names the default dead-letter topic (<name>.dlq)." required error={errorAt('name')}>
        <input
          id="pipeline-name-field"
          className="input"
          value={meta.name}
          spellCheck={false}
          aria-describedby={describedBy('pipeline-name-field', errorAt('name'))}
          onChange={(e) => updateMeta({ name: e.target.value })}
        />
      </FieldShell>
      <FieldShell id="pipeline-description" label="Description" help="What the pipeline is for, in a sentence." error={errorAt('description')}>
        <textarea
          id="pipeline-description"
          className="textarea"
          rows={2}
          value={description}
          aria-describedby={describedBy('pipeline-description')}
          onChange={(e) => updateMeta({ description: e.target.value === '' ? undefined : e.target.value })}
        />
      </FieldShell>
      <TopicField
        id="pipeline-dlq"
        label="Dead-letter topic"
        help="Where records that a node cannot handle go, unless the node names its own. Empty: <name>.dlq."
        required={false}
        value={settings.deadLetterTopic ?? ''}
        topics={topics}
        error={errorAt('settings.deadLetterTopic')}
        onFocus={refreshTopics}
        onChange={(value) => setSetting('deadLetterTopic', value)}
      />
      <FieldShell
        id="pipeline-group"
        label="Consumer group"
        help="The Kafka consumer group the pipeline reads with. Empty: sluice-<pipeline id>."
        error={errorAt('settings.consumerGroup')}
      >
        <input
          id="pipeline-group"
          className="input"
          value={settings.consumerGroup ?? ''}
          spellCheck={false}
          aria-describedby={describedBy('pipeline-group')}
          onChange={(e) => setSetting('consumerGroup', e.target.value)}
        />
      </FieldShell>
      <FieldShell
        id="pipeline-guarantee"
        label="Processing guarantee"
        help="Exactly once: output, dead letters and consumed offsets commit in one Kafka transaction, so a crash or rebalance never duplicates or loses a record (needs a cluster with transactions). At least once: lower latency; a crash may replay the last batch."
        error={errorAt('processingGuarantee')}
      >
        <select
          id="pipeline-guarantee"
          className="select"
          value={meta.processingGuarantee === 'at_least_once' ? 'at_least_once' : 'exactly_once_v2'}
          aria-describedby={describedBy('pipeline-guarantee', errorAt('processingGuarantee'))}
          onChange={(e) => updateMeta({ processingGuarantee: e.target.value === 'exactly_once_v2' ? undefined : e.target.value })}
        >
          <option value="exactly_once_v2">Exactly once (exactly_once_v2)</option>
          <option value="at_least_once">At least once (at_least_once)</option>
        </select>
      </FieldShell>
    </form>
  );
}
