import { useEffect, useRef, useState } from 'react';
import { emptyDocument, readPipelineText, toPipelineJson } from '../../core/index.js';
import { ApiRequestError, useApi, type PipelineSummary } from '../../infrastructure/api/index.js';
import { useLiveStream } from '../../infrastructure/live/index.js';
import { Dialog, GuaranteeBadge, StatusBadge, timeAgo, Notice } from '../../ui/index.js';
import { ThroughputSparkline } from '../dashboard/index.js';
import { followInApp, takeFirstRun } from '../live/index.js';
import { ThemeToggle } from '../theme/index.js';
import { PipelineNameDialog } from './PipelineNameDialog.js';
import { usePipelineList } from './use-pipeline-list.js';
import './pipelines.css';

type Modal = { kind: 'create' } | { kind: 'rename'; pipeline: PipelineSummary } | { kind: 'delete'; pipeline: PipelineSummary } | null;

interface Props {
  onOpen(id: string): void;
}

/** Every pipeline on the server: status, last deploy, and the way into the designer. */
export function PipelinesPage({ onOpen }: Props) {
  const api = useApi();
  const { pipelines, error, refresh } = usePipelineList();
  const [modal, setModal] = useState<Modal>(null);
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useLiveStream();

  // A fresh install opens its running demo straight away (once per browser).
  useEffect(() => {
    const demo = pipelines ? takeFirstRun(pipelines) : null;
    if (demo) onOpen(demo);
  }, [pipelines, onOpen]);

  const failure = (err: unknown) => (err instanceof ApiRequestError ? err.message : String(err));

  const create = async (name: string) => {
    try {
      const record = await api.createPipeline(toPipelineJson(emptyDocument(name)), { deploy: false });
      onOpen(record.id);
      return null;
    } catch (err) {
      return failure(err);
    }
  };

  const rename = async (pipeline: PipelineSummary, name: string) => {
    try {
      const detail = await api.getPipeline(pipeline.id);
      await api.updatePipeline(pipeline.id, { ...(detail.definition as object), name }, { deploy: false });
      setModal(null);
      await refresh();
      return null;
    } catch (err) {
      return failure(err);
    }
  };

  const remove = async (pipeline: PipelineSummary) => {
    try {
      await api.deletePipeline(pipeline.id);
      setModal(null);
      setMessage(`Deleted ${pipeline.name}.`);
      await refresh();
    } catch (err) {
      setMessage(failure(err));
      setModal(null);
    }
  };

  const importFile = async (file: File) => {
    const read = readPipelineText(await file.text());
    if (!read.ok) {
      setMessage(`${file.name}: ${read.message}`);
      return;
    }
    try {
      const record = await api.createPipeline(read.pipeline, { deploy: false });
      onOpen(record.id);
    } catch (err) {
      setMessage(`${file.name}: ${failure(err)}`);
    }
  };

  return (
    <div className="pipelines-page">
      <header className="app-bar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Sluice
        </span>
        <span className="muted">Kafka stream pipelines</span>
        <a className="btn btn-ghost" href="/topics" onClick={followInApp}>
          Topics
        </a>
        <span className="spacer" />
        <ThemeToggle />
      </header>

      <main className="pipelines-main">
        <div className="pipelines-head">
          <h1>Pipelines</h1>
          <span className="spacer" />
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            aria-label="Import pipeline file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            Import file…
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setModal({ kind: 'create' })}>
            New pipeline
          </button>
        </div>

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

        {pipelines === null ? (
          <p className="muted">Loading…</p>
        ) : pipelines.length === 0 ? (
          <div className="empty-state">
            <h2>No pipelines yet</h2>
            <p className="muted">Create one and draw it: a source topic, processors, a sink topic.</p>
            <button type="button" className="btn btn-primary" onClick={() => setModal({ kind: 'create' })}>
              New pipeline
            </button>
          </div>
        ) : (
          <table className="data-table pipelines-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Guarantee</th>
                <th scope="col">Throughput</th>
                <th scope="col">Last deployed</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pipelines.map((p) => (
                <tr key={p.id} data-pipeline={p.name}>
                  <td>
                    <a
                      href={`/pipelines/${encodeURIComponent(p.id)}`}
                      className="pipeline-name"
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(p.id);
                      }}
                    >
                      {p.name}
                    </a>
                    {typeof p.description === 'string' && p.description ? <div className="muted small">{p.description}</div> : null}
                  </td>
                  <td>
                    <StatusBadge status={p.status} draft={!p.deployedAt} />
                    {p.status === 'failed' && p.error ? <div className="row-error">{p.error}</div> : null}
                  </td>
                  <td>
                    <GuaranteeBadge guarantee={p.processingGuarantee} />
                  </td>
                  <td>
                    <ThroughputSparkline pipelineId={p.id} />
                  </td>
                  <td className="muted">{timeAgo(p.deployedAt)}</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => onOpen(p.id)}>
                      Open
                    </button>
                    <a className="btn btn-small" href={`/dashboard/${encodeURIComponent(p.id)}`} onClick={followInApp}>
                      Dashboard
                    </a>
                    <button type="button" className="btn btn-small" aria-label={`Rename ${p.name}`} onClick={() => setModal({ kind: 'rename', pipeline: p })}>
                      Rename
                    </button>
                    <button type="button" className="btn btn-small btn-danger" aria-label={`Delete ${p.name}`} onClick={() => setModal({ kind: 'delete', pipeline: p })}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>

      {modal?.kind === 'create' ? (
        <PipelineNameDialog title="New pipeline" submitLabel="Create" onSubmit={create} onClose={() => setModal(null)} />
      ) : null}
      {modal?.kind === 'rename' ? (
        <PipelineNameDialog
          title={`Rename ${modal.pipeline.name}`}
          submitLabel="Rename"
          initialName={modal.pipeline.name}
          onSubmit={(name) => rename(modal.pipeline, name)}
          onClose={() => setModal(null)}
        />
      ) : null}
      {modal?.kind === 'delete' ? (
        <Dialog open title={`Delete ${modal.pipeline.name}?`} onClose={() => setModal(null)}>
          <p>
            The pipeline stops and its definition is removed. Its topics and the records in them stay.
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setModal(null)}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void remove(modal.pipeline)}>
              Delete pipeline
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
