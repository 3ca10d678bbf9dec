import type { PipelineStatus } from '../infrastructure/api/index.js';

const LABELS: Record<string, string> = {
  deploying: 'Deploying',
  running: 'Running',
  stopped: 'Stopped',
  failed: 'Failed',
  draft: 'Draft',
};

/** A pipeline's status as a coloured pill; a never-deployed pipeline reads as a draft. */
export function StatusBadge({ status, draft = false }: { status: PipelineStatus; draft?: boolean }) {
  const shown = draft && status === 'stopped' ? 'draft' : status;
  return (
    <span className={`badge badge-${shown}`} data-status={shown}>
      {LABELS[shown] ?? shown}
    </span>
  );
}
