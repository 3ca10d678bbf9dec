import { useCallback, useEffect, useState } from 'react';
import { Dialog, Notice } from '../../ui/index.js';
import { PeekPanel } from './PeekPanel.js';
import { ProducePanel } from './ProducePanel.js';
import { errorText, useApi, type TopicReaders, type TopicView } from '../../infrastructure/api/index.js';
import { hasReaders, readersSentence } from './topic-readers.js';

interface Props {
  name: string;
  onBack(): void;
  onDeleted(): void;
}

/** One topic: its partitions with offsets, its records, a test record, and deletion. */
export function TopicDetail({ name, onBack, onDeleted }: Props) {
  const api = useApi();
  const [topic, setTopic] = useState<TopicView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** Who reads the topic, looked up when the delete dialog opens; null until known. */
  const [readers, setReaders] = useState<TopicReaders | null>(null);

  const refresh = useCallback(async () => {
    try {
      setTopic(await api.getTopic(name));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [name]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const askToDelete = () => {
    setReaders(null);
    setConfirming(true);
    api.topicReaders(name).then(setReaders, () => setReaders(null));
  };

  const remove = async () => {
    try {
      // Forced only once the readers were shown in the dialog; otherwise the server names them.
      await api.deleteTopic(name, { force: readers !== null });
      setConfirming(false);
      onDeleted();
    } catch (err) {
      setConfirming(false);
      setError(errorText(err));
    }
  };

  return (
    <section aria-label={`Topic ${name}`}>
      <div className="topics-head">
        <button type="button" className="btn btn-ghost" onClick={onBack}>
          ← Topics
        </button>
        <h1>{name}</h1>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void refresh()}>
          Refresh
        </button>
        <button type="button" className="btn btn-danger" onClick={askToDelete}>
          Delete topic
        </button>
      </div>
      {error ? (
        <Notice tone="error">
          {error}
        </Notice>
      ) : null}
      {topic ? (
        <table className="data-table" aria-label="Partitions">
          <thead>
            <tr>
              <th scope="col">Partition</th>
              <th scope="col">Leader</th>
              <th scope="col">Start offset</th>
              <th scope="col">End offset</th>
              <th scope="col">Records</th>
            </tr>
          </thead>
          <tbody>
            {topic.partitions.map((p) => (
              <tr key={p.partition}>
                <td className="num">{p.partition}</td>
                <td className="num">{p.leader}</td>
                <td className="num">{p.earliestOffset}</td>
                <td className="num">{p.endOffset}</td>
                <td className="num">{p.messages}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Total
              </th>
              <td className="num">{topic.messages}</td>
            </tr>
          </tfoot>
        </table>
      ) : error ? null : (
        <p className="muted">Loading…</p>
      )}
      {topic ? (
        <div className="topic-panels">
          <PeekPanel topic={topic} />
          <ProducePanel topic={topic} onProduced={() => void refresh()} />
        </div>
      ) : null}

      <Dialog open={confirming} title={`Delete topic ${name}?`} onClose={() => setConfirming(false)}>
        <p>
          Every record in <strong>{name}</strong> is deleted, and pipelines reading or writing it will fail until it exists again. This cannot be
          undone.
        </p>
        {readers && hasReaders(readers) ? (
          <Notice tone="warning">
            Read by {readersSentence(readers)}. They stop reading it: a pipeline says “source topic {name} was deleted” until the topic exists
            again.
          </Notice>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary btn-danger-fill" onClick={() => void remove()}>
            Delete {name}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
