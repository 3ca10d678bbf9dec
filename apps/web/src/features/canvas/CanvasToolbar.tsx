import { useReactFlow } from '@xyflow/react';
import { selectCanRedo, selectCanUndo, usePipelineStore } from '../../infrastructure/store/index.js';
import { GuaranteeBadge } from '../../ui/index.js';
import { useCanvasPrefs } from './canvas-prefs.js';

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Undo, redo, layout and view controls floating over the canvas. */
export function CanvasToolbar({ onHelp }: { onHelp(): void }) {
  const canUndo = usePipelineStore(selectCanUndo);
  const canRedo = usePipelineStore(selectCanRedo);
  const undo = usePipelineStore((s) => s.undo);
  const redo = usePipelineStore((s) => s.redo);
  const autoLayout = usePipelineStore((s) => s.autoLayout);
  const snapToGrid = useCanvasPrefs((p) => p.snapToGrid);
  const toggleSnap = useCanvasPrefs((p) => p.toggleSnap);
  const showMinimap = useCanvasPrefs((p) => p.showMinimap);
  const toggleMinimap = useCanvasPrefs((p) => p.toggleMinimap);
  const flow = useReactFlow();
  const guarantee = usePipelineStore((s) => s.doc.meta.processingGuarantee);

  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
      <button type="button" className="btn btn-small" onClick={undo} disabled={!canUndo} title={`Undo (${mod}Z)`}>
        Undo
      </button>
      <button type="button" className="btn btn-small" onClick={redo} disabled={!canRedo} title={`Redo (${mod}Shift+Z)`}>
        Redo
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        className="btn btn-small"
        title="Arrange left to right (L)"
        onClick={() => {
          autoLayout();
          requestAnimationFrame(() => void flow.fitView({ duration: 200, padding: 0.2, maxZoom: 1.25 }));
        }}
      >
        Auto-layout
      </button>
      <button type="button" className="btn btn-small" title="Fit the pipeline in view (F)" onClick={() => void flow.fitView({ duration: 200, padding: 0.2, maxZoom: 1.25 })}>
        Fit view
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" className="btn btn-small" aria-pressed={snapToGrid} onClick={toggleSnap} title="Snap nodes to the grid while moving them">
        Snap to grid
      </button>
      <button type="button" className="btn btn-small" aria-pressed={showMinimap} onClick={toggleMinimap} title="Show the minimap">
        Minimap
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" className="btn btn-small" onClick={onHelp} title="Keyboard shortcuts (?)">
        Shortcuts
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <GuaranteeBadge guarantee={guarantee} />
    </div>
  );
}
