import { usePipelineStore } from '../../infrastructure/store/index.js';

/** Several nodes selected: what can be done to all of them at once. */
export function SelectionPanel({ count }: { count: number }) {
  const duplicate = usePipelineStore((s) => s.duplicateSelection);
  const remove = usePipelineStore((s) => s.deleteSelection);
  const clear = usePipelineStore((s) => s.select);
  return (
    <div className="config-form">
      <header className="config-head">
        <span className="config-type">Selection</span>
        <p className="muted">{count} nodes selected. Select one node to edit its settings.</p>
      </header>
      <div className="selection-actions">
        <button type="button" className="btn" onClick={duplicate}>
          Duplicate
        </button>
        <button type="button" className="btn btn-danger" onClick={remove}>
          Delete
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => clear([])}>
          Clear selection
        </button>
      </div>
    </div>
  );
}
