import type { ReactNode } from 'react';
import { deployBlocker } from '../../core/index.js';
import {
  selectIsLive,
  selectIssues,
  selectUndeployed,
  selectUnsaved,
  usePipelineStore,
} from '../../infrastructure/store/index.js';
import { StatusBadge } from '../../ui/index.js';
import type { PipelineSyncView } from './use-pipeline-sync.js';
import './deploy-bar.css';

interface Props extends PipelineSyncView {
  onBack(): void;
  children?: ReactNode;
}

/**
 * The designer's top bar: which pipeline, whether its edits are saved and deployed, its live
 * status, and Deploy / Start / Redeploy / Stop. Deploy is disabled, with the reason shown, while
 * the pipeline has problems.
 */
export function DeployBar({ sync, busy, actionError, onBack, children }: Props) {
  const name = usePipelineStore((s) => s.doc.meta.name);
  const record = usePipelineStore((s) => s.record);
  const save = usePipelineStore((s) => s.save);
  const unsaved = usePipelineStore(selectUnsaved);
  const undeployed = usePipelineStore(selectUndeployed);
  const live = usePipelineStore(selectIsLive);
  const issues = usePipelineStore(selectIssues);
  const designerIssues = issues.filter((i) => i.origin === 'designer');
  const blocker = deployBlocker(designerIssues);

  const status = record?.status ?? 'stopped';
  const neverDeployed = !record?.deployedAt;
  const failedText = status === 'failed' ? (record?.error ?? record?.lastError?.message) : undefined;
  // A failed pipeline the server still wants running is retried; it can be stopped meanwhile.
  const stoppable = live || (status === 'failed' && record?.desiredState === 'running');

  return (
    <>
      <header className="app-bar deploy-bar">
        <button type="button" className="btn btn-ghost" onClick={onBack}>
          ← Pipelines
        </button>
        <span className="bar-divider" aria-hidden="true" />
        <h1 className="pipeline-title" title={name}>
          {name || 'Untitled pipeline'}
        </h1>
        <StatusBadge status={status} draft={neverDeployed} />
        <SaveState unsaved={unsaved} phase={save.phase} error={save.phase === 'error' ? save.message : undefined} onRetry={() => void sync.saveNow()} />
        {undeployed ? (
          <span className="marker marker-undeployed" title="The running pipeline does not have these edits yet: redeploy to apply them">
            Changes not deployed
          </span>
        ) : null}
        <span className="spacer" />
        {blocker ? (
          <span className="deploy-blocker" id="deploy-blocker" role="status" title={blocker}>
            {blocker}
          </span>
        ) : null}
        {stoppable ? (
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void sync.stop()}>
            {busy === 'stop' ? 'Stopping…' : 'Stop'}
          </button>
        ) : null}
        {live ? (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null || blocker !== null || !(undeployed || unsaved)}
            aria-describedby={blocker ? 'deploy-blocker' : undefined}
            onClick={() => void sync.redeploy()}
          >
            {busy === 'redeploy' ? 'Redeploying…' : 'Redeploy'}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null || blocker !== null}
            aria-describedby={blocker ? 'deploy-blocker' : undefined}
            onClick={() => void sync.deploy()}
          >
            {busy === 'deploy' ? 'Deploying…' : neverDeployed || unsaved || record?.pendingChanges ? 'Deploy' : 'Start'}
          </button>
        )}
        <span className="bar-divider" aria-hidden="true" />
        {children}
      </header>
      {failedText || actionError ? (
        <div className="bar-alert" role="alert">
          {actionError ? <span>{actionError}</span> : <span>Failed: {failedText}</span>}
        </div>
      ) : null}
    </>
  );
}

function SaveState({ unsaved, phase, error, onRetry }: { unsaved: boolean; phase: string; error?: string; onRetry(): void }) {
  if (phase === 'error') {
    return (
      <span className="marker marker-error" role="alert">
        Not saved: {error}{' '}
        <button type="button" className="link-button" onClick={onRetry}>
          Retry
        </button>
      </span>
    );
  }
  if (phase === 'saving') return <span className="marker">Saving…</span>;
  if (unsaved) return <span className="marker marker-unsaved">Unsaved changes</span>;
  return <span className="marker marker-saved">Draft saved</span>;
}
