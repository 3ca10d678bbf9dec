import type { ClipboardPayload, ConnectionAttempt, ConnectionCheck, DesignerDocument, DesignerEdge, DesignerIssue, DesignerNode, DesignerNodeData, History, PipelineMeta, XY } from '../../core/index.js';
import type { NodeType } from '@sluice/topology';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { ApiIssue, PipelineDetail } from '../api/index.js';

/** Where the last save to the server stands. */
export type SaveState = { phase: 'idle' } | { phase: 'saving' } | { phase: 'error'; message: string };

/** One open pipeline: its document, history, problems and what the server knows of it. */
export interface PipelineState {
  pipelineId: string;
  doc: DesignerDocument;
  history: History<DesignerDocument>;
  /** Found by checking the document as it is edited. */
  designerIssues: DesignerIssue[];
  /** Returned by the server on the last save or deploy; cleared when it answers without any. */
  serverIssues: DesignerIssue[];
  /** Bumped by every change to the document, positions included. */
  revision: number;
  /** The revision the server holds. */
  savedRevision: number;
  save: SaveState;
  /** The server's view: status, error, timestamps. */
  record: PipelineDetail | null;
  /** A short message for the person, such as why a connection was refused. */
  notice: string | null;
}

export interface PipelineActions {
  /** Applies React Flow's node changes: selection, sizes and moves. */
  onNodesChange(changes: NodeChange<DesignerNode>[]): void;
  onEdgesChange(changes: EdgeChange<DesignerEdge>[]): void;
  connect(attempt: ConnectionAttempt): ConnectionCheck;
  addNode(type: NodeType, position: XY): string;
  deleteSelection(): void;
  updateNode(id: string, patch: Partial<DesignerNodeData>): void;
  setConfigField(id: string, field: string, value: unknown): void;
  /** Null when done, else why not. */
  renameNode(id: string, newId: string): string | null;
  updateMeta(patch: Partial<PipelineMeta>): void;
  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  selectAll(): void;
  copySelection(): ClipboardPayload | null;
  paste(payload: ClipboardPayload, at?: XY): void;
  duplicateSelection(): void;
  undo(): void;
  redo(): void;
  autoLayout(): void;
  /** Replaces the whole document (JSON view, import) as one undoable edit. */
  replaceDocument(doc: DesignerDocument): void;
  /** Runs validation now instead of after the short pause that follows edits. */
  validateNow(): void;
  /** The server now holds `revision`; `issues` are those it reported. */
  markSaved(revision: number, issues: readonly ApiIssue[]): void;
  setSaveState(save: SaveState): void;
  setServerIssues(issues: readonly ApiIssue[]): void;
  setRecord(record: PipelineDetail): void;
  /** The status (and failure) the live stream reports; the rest of the record is the last answer's. */
  applyLiveStatus(live: { status: PipelineDetail['status']; error?: string }): void;
  showNotice(notice: string | null): void;
}

export type PipelineStore = PipelineState & PipelineActions;
