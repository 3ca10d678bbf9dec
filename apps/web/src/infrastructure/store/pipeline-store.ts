import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  addEdge,
  addNode,
  checkConnection,
  copyNodes,
  emptyHistory,
  layoutLeftToRight,
  mapServerIssues,
  pasteNodes,
  recordEdit,
  redo,
  removeElements,
  renameNode,
  selectOnly,
  setConfigField,
  undo,
  updateNodeData,
  validateDocument,
  type DesignerDocument,
} from '../../core/index.js';
import type { PipelineDetail } from '../api/index.js';
import type { PipelineState, PipelineStore } from './pipeline-state.js';

export interface PipelineStoreOptions {
  pipelineId: string;
  doc: DesignerDocument;
  record?: PipelineDetail | null;
  /** Pause after an edit before the document is validated again; typing stays smooth on big graphs. */
  validationDelayMs?: number;
}

export type PipelineStoreApi = StoreApi<PipelineStore>;

/** A store for one open pipeline. Made per pipeline and handed down by PipelineStoreProvider. */
export function createPipelineStore(options: PipelineStoreOptions): PipelineStoreApi {
  const delay = options.validationDelayMs ?? 150;
  let validationTimer: ReturnType<typeof setTimeout> | undefined;
  let dragging = false;

  return createStore<PipelineStore>()((set, get) => {
    const scheduleValidation = () => {
      clearTimeout(validationTimer);
      validationTimer = setTimeout(() => get().validateNow(), delay);
    };

    /**
     * The one way the document changes. `undoKey` false skips history (view-only changes and the
     * moves inside a drag, whose start was recorded); a string merges a burst of edits into one step.
     */
    const commit = (doc: DesignerDocument, how: { undoKey?: string | false; content?: boolean } = {}) => {
      const state = get();
      if (doc === state.doc) return;
      const history = how.undoKey === false ? state.history : recordEdit(state.history, state.doc, how.undoKey);
      set({ doc, history, revision: state.revision + 1 });
      if (how.content !== false) scheduleValidation();
    };

    const selectedIds = () => {
      const { doc } = get();
      return {
        nodes: new Set(doc.nodes.filter((n) => n.selected).map((n) => n.id)),
        edges: new Set(doc.edges.filter((e) => e.selected).map((e) => e.id)),
      };
    };

    const initial: PipelineState = {
      pipelineId: options.pipelineId,
      doc: options.doc,
      history: emptyHistory(),
      designerIssues: validateDocument(options.doc),
      serverIssues: [],
      revision: 0,
      savedRevision: 0,
      save: { phase: 'idle' },
      record: options.record ?? null,
      notice: null,
    };

    return {
      ...initial,

      onNodesChange(changes) {
        const { doc } = get();
        const nodes = applyNodeChanges(changes, doc.nodes);
        const moved = changes.some((c) => c.type === 'position' && c.position !== undefined);
        const removed = changes.some((c) => c.type === 'remove');
        if (!moved && !removed) {
          // Selection and measured sizes are view state: neither an edit nor unsaved.
          set({ doc: { ...doc, nodes } });
          return;
        }
        // A drag is one undo step: history records the state at its first move, not every frame.
        const wasDragging = dragging;
        dragging = changes.some((c) => c.type === 'position' && c.dragging);
        const undoKey = removed ? undefined : wasDragging ? false : dragging ? undefined : 'nudge';
        commit({ ...doc, nodes }, { undoKey, content: removed });
      },

      onEdgesChange(changes) {
        const { doc } = get();
        const edges = applyEdgeChanges(changes, doc.edges);
        if (changes.some((c) => c.type === 'remove')) commit({ ...doc, edges });
        else set({ doc: { ...doc, edges } });
      },

      connect(attempt) {
        const { doc } = get();
        const check = checkConnection(doc, attempt);
        if (check.ok) commit(addEdge(doc, attempt));
        else set({ notice: check.reason });
        return check;
      },

      addNode(type, position) {
        const result = addNode(get().doc, type, position);
        commit(result.doc);
        return result.id;
      },

      deleteSelection() {
        const { nodes, edges } = selectedIds();
        if (nodes.size === 0 && edges.size === 0) return;
        commit(removeElements(get().doc, nodes, edges));
      },

      updateNode(id, patch) {
        commit(updateNodeData(get().doc, id, patch), { undoKey: `node:${id}:${Object.keys(patch).join(',')}` });
      },

      setConfigField(id, field, value) {
        commit(setConfigField(get().doc, id, field, value), { undoKey: `config:${id}:${field}` });
      },

      renameNode(id, newId) {
        const result = renameNode(get().doc, id, newId);
        if (typeof result === 'string') return result;
        commit(result);
        return null;
      },

      updateMeta(patch) {
        const { doc } = get();
        const meta = { ...doc.meta, ...patch };
        for (const [key, value] of Object.entries(patch)) if (value === undefined) delete meta[key];
        commit({ ...doc, meta }, { undoKey: `meta:${Object.keys(patch).join(',')}` });
      },

      select(nodeIds, edgeIds = []) {
        set({ doc: selectOnly(get().doc, new Set(nodeIds), new Set(edgeIds)) });
      },

      selectAll() {
        const { doc } = get();
        set({ doc: selectOnly(doc, new Set(doc.nodes.map((n) => n.id)), new Set(doc.edges.map((e) => e.id))) });
      },

      copySelection() {
        return copyNodes(get().doc, selectedIds().nodes);
      },

      paste(payload, at) {
        commit(pasteNodes(get().doc, payload, at).doc);
      },

      duplicateSelection() {
        const payload = copyNodes(get().doc, selectedIds().nodes);
        if (payload) commit(pasteNodes(get().doc, payload).doc);
      },

      undo() {
        const state = get();
        const step = undo(state.history, state.doc);
        if (!step) return;
        dragging = false;
        set({ doc: step.present, history: step.history, revision: state.revision + 1 });
        scheduleValidation();
      },

      redo() {
        const state = get();
        const step = redo(state.history, state.doc);
        if (!step) return;
        set({ doc: step.present, history: step.history, revision: state.revision + 1 });
        scheduleValidation();
      },

      autoLayout() {
        commit(layoutLeftToRight(get().doc), { content: false });
      },

      replaceDocument(doc) {
        commit(doc);
      },

      validateNow() {
        clearTimeout(validationTimer);
        set({ designerIssues: validateDocument(get().doc) });
      },

      markSaved(revision, issues) {
        set({ savedRevision: revision, save: { phase: 'idle' }, serverIssues: mapServerIssues(issues, get().doc) });
      },

      setSaveState(save) {
        set({ save });
      },

      setServerIssues(issues) {
        set({ serverIssues: mapServerIssues(issues, get().doc) });
      },

      setRecord(record) {
        set({ record });
      },

      applyLiveStatus({ status, error }) {
        const record = get().record;
        if (!record || (record.status === status && record.error === error)) return;
        const { error: _, ...rest } = record;
        set({ record: { ...rest, status, ...(error !== undefined ? { error } : {}) } });
      },

      showNotice(notice) {
        set({ notice });
      },
    };
  });
}
