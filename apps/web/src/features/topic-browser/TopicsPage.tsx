import { useCallback, useEffect, useState } from 'react';
import { ThemeToggle } from '../theme/index.js';
import { CreateTopicDialog } from './CreateTopicDialog.js';
import { GroupsPanel } from './GroupsPanel.js';
import { TopicDetail } from './TopicDetail.js';
import { errorText, useApi, type TopicView } from '../../infrastructure/api/index.js';
import './topic-browser.css';
import { Notice } from '../../ui/index.js';

interface Props {
  /** The open topic, or null for the list. */
  topic: string | null;
  onOpenTopic(name: string | null): void;
  onOpenPipelines(): void;
}

/** The topic browser: topics with their offsets and counts, one topic's records, consumer groups. */
export function TopicsPage({ topic, onOpenTopic, onOpenPipelines }: Props) {
  const api = useApi();
  const [topics, setTopics] = useState<TopicView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [showInternal, setShowInternal] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setTopics(await api.listTopics());
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh, topic]);

  const link = (to: string, go: () => void) => ({
    href: to,
    onClick: (e: React.MouseEvent<HTMLAnchorElement>) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      go();
    },
  });

  const shown = (topics ?? []).filter((t) => showInternal || !t.internal);

  return (
    <div className="topics-page">
      <header className="app-bar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Sluice
        </span>
        <nav className="app-nav" aria-label="Sections">
          <a {...link('/', onOpenPipelines)}>Pipelines</a>
          <a {...link('/topics', () => onOpenTopic(null))} aria-current="page">
            Topics
          </a>
        </nav>
        <span className="spacer" />
        <ThemeToggle />
      </header>

      <main className="topics-main">
        {message ? (
          <Notice>
            {message}
          </Notice>
        ) : null}
        {error ? (
          <Notice tone="error">
            {error}
          </Notice>
        ) : null}

        {topic !== null ? (
          <TopicDetail
            key={topic}
            name={topic}
            onBack={() => onOpenTopic(null)}
            onDeleted={() => {
              setMessage(`Deleted topic ${topic}.`);
              onOpenTopic(null);
            }}
          />
        ) : (
          <>
            <div className="topics-head">
              <h1>Topics</h1>
              <span className="spacer" />
              <label className="check">
                <input type="checkbox" checked={showInternal} onChange={(e) => setShowInternal(e.target.checked)} /> Show internal topics
              </label>
              <button type="button" className="btn" onClick={() => void refresh()}>
                Refresh
              </button>
              <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
                New topic
              </button>
            </div>
            {topics === null ? (
              <p className="muted">Loading…</p>
            ) : shown.length === 0 ? (
              <div className="tb-empty">
                <h2>No topics yet</h2>
                <p className="muted">Create one, or deploy a pipeline: its sink and dead-letter topics appear here.</p>
              </div>
            ) : (
              <table className="data-table" aria-label="Topics">
                <thead>
                  <tr>
                    <th scope="col">Topic</th>
                    <th scope="col">Partitions</th>
                    <th scope="col">Records</th>
                    <th scope="col">Offsets (start – end) per partition</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((t) => (
                    <tr key={t.name} data-topic={t.name}>
                      <td>
                        <a {...link(`/topics/${encodeURIComponent(t.name)}`, () => onOpenTopic(t.name))}>{t.name}</a>
                        {t.internal ? <span className="tag">internal</span> : null}
                      </td>
                      <td className="num">{t.partitions.length}</td>
                      <td className="num">{t.messages.toLocaleString()}</td>
                      <td className="offsets">
                        {t.partitions.map((p) => (
                          <span key={p.partition} className="offset-chip" title={`partition ${p.partition}: ${p.messages} records`}>
                            {p.partition}: {p.earliestOffset}–{p.endOffset}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted tb-small">
              Records are counted as end offset − start offset per partition (markers of transactions included). Sizes on disk are not shown: the
              broker does not report them (DescribeLogDirs).
            </p>
            <GroupsPanel />
          </>
        )}
      </main>

      {creating ? (
        <CreateTopicDialog
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setMessage(`Created topic ${created.name}.`);
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
}
