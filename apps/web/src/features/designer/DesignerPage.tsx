import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { fromPipelineJson, readPipeline } from '../../core/index.js';
import { ApiRequestError, useApi } from '../../infrastructure/api/index.js';
import { createPipelineStore, PipelineStoreProvider, type PipelineStoreApi } from '../../infrastructure/store/index.js';
import { Canvas } from '../canvas/index.js';
import { ConfigSidebar } from '../node-config/index.js';
import { DeployBar, usePipelineSync } from '../deploy-bar/index.js';
import { HelpDialog } from '../help/index.js';
import { JsonView } from '../json-view/index.js';
import { Palette } from '../palette/index.js';
import { ProblemsPanel } from '../problems/index.js';
import { ThemeToggle } from '../theme/index.js';
import './designer.css';

type Loaded = { store: PipelineStoreApi } | { error: string } | null;

/** Opens one pipeline from the server and puts it on the canvas, with a store of its own. */
export function DesignerPage({ pipelineId, onBack }: { pipelineId: string; onBack(): void }) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>(null);

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    api
      .getPipeline(pipelineId)
      .then((record) => {
        const read = readPipeline(record.definition ?? { name: record.name, nodes: [], edges: [] });
        if (cancelled) return;
        if (!read.ok) {
          setLoaded({ error: `The stored pipeline cannot be shown: ${read.message}` });
          return;
        }
        const store = createPipelineStore({ pipelineId, doc: fromPipelineJson(read.pipeline), record });
        store.getState().setServerIssues(record.issues ?? []);
        setLoaded({ store });
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        const message = err instanceof ApiRequestError ? err.message : String(err);
        setLoaded({ error: message });
      });
    return () => {
      cancelled = true;
    };
  }, [api, pipelineId]);

  if (loaded === null) return <p className="designer-message muted">Opening pipeline…</p>;
  if ('error' in loaded) {
    return (
      <div className="designer-message">
        <p role="alert">{loaded.error}</p>
        <button type="button" className="btn" onClick={onBack}>
          Back to pipelines
        </button>
      </div>
    );
  }
  return (
    <PipelineStoreProvider store={loaded.store}>
      <ReactFlowProvider>
        <Designer onBack={onBack} />
      </ReactFlowProvider>
    </PipelineStoreProvider>
  );
}

type SideTab = 'settings' | 'json';

function Designer({ onBack }: { onBack(): void }) {
  const syncView = usePipelineSync();
  const [helpOpen, setHelpOpen] = useState(false);
  const [tab, setTab] = useState<SideTab>('settings');
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const save = useCallback(() => void syncView.sync.saveNow(), [syncView.sync]);

  return (
    <div className="designer">
      <DeployBar {...syncView} onBack={onBack}>
        <button type="button" className="btn btn-ghost btn-icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={openHelp}>
          ?
        </button>
        <ThemeToggle />
      </DeployBar>
      <div className="designer-body">
        <Palette />
        <main className="designer-center">
          <Canvas onSave={save} onHelp={openHelp} />
          <ProblemsPanel />
        </main>
        <aside className="designer-side" aria-label="Details">
          <div className="side-tabs" role="tablist" aria-label="Side panel">
            <button type="button" role="tab" aria-selected={tab === 'settings'} className="side-tab" onClick={() => setTab('settings')}>
              Settings
            </button>
            <button type="button" role="tab" aria-selected={tab === 'json'} className="side-tab" onClick={() => setTab('json')}>
              JSON
            </button>
          </div>
          <div className="side-content" role="tabpanel">
            {tab === 'settings' ? <ConfigSidebar /> : <JsonView />}
          </div>
        </aside>
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
