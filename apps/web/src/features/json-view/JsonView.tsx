import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { fromPipelineJson, pipelineFile, readPipelineText, toPipelineJson } from '../../core/index.js';
import { usePipelineStore } from '../../infrastructure/store/index.js';
import { downloadText } from '../../ui/index.js';
import './json-view.css';

/**
 * The pipeline as JSON: the same model as the canvas. Edit it and apply, paste a pipeline in,
 * import a file (its content replaces the canvas, keeping this pipeline's name) or export one.
 */
export function JsonView() {
  const doc = useDeferredValue(usePipelineStore((s) => s.doc));
  const replaceDocument = usePipelineStore((s) => s.replaceDocument);
  const showNotice = usePipelineStore((s) => s.showNotice);
  const live = useMemo(() => `${JSON.stringify(toPipelineJson(doc), null, 2)}\n`, [doc]);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const apply = (text: string, keepName: boolean) => {
    const read = readPipelineText(text);
    if (!read.ok) {
      setError(read.message);
      return false;
    }
    const pipeline = keepName ? { ...read.pipeline, name: doc.meta.name } : read.pipeline;
    replaceDocument(fromPipelineJson(pipeline));
    setDraft(null);
    setError(null);
    return true;
  };

  const importFile = async (file: File) => {
    if (apply(await file.text(), true)) showNotice(`Imported ${file.name}. Undo brings the previous version back.`);
    else setDraft(await file.text());
  };

  const exportFile = () => {
    const file = pipelineFile(doc);
    downloadText(file.name, file.text);
  };

  const edited = draft !== null && draft !== live;
  return (
    <div className="json-view">
      <div className="json-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={!edited} onClick={() => apply(draft ?? live, false)}>
          Apply
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={draft === null}
          onClick={() => {
            setDraft(null);
            setError(null);
          }}
        >
          Discard edits
        </button>
        <span className="spacer" />
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          aria-label="Import pipeline JSON file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" className="btn btn-small" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <button type="button" className="btn btn-small" onClick={exportFile}>
          Export
        </button>
      </div>
      {error ? (
        <p className="json-error" role="alert">
          {error}
        </p>
      ) : null}
      <label htmlFor="pipeline-json" className="visually-hidden">
        Pipeline JSON
      </label>
      <textarea
        id="pipeline-json"
        className="textarea code json-text"
        spellCheck={false}
        value={draft ?? live}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            apply(draft ?? live, false);
          }
        }}
      />
      <p className="field-help json-help">
        Edit or paste a pipeline here, then Apply (Ctrl+Enter). Apply is one step to undo on the canvas.
      </p>
    </div>
  );
}
