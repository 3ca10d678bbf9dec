// The designer's model, free of React and the network: pipeline JSON ⇄ canvas document, edits,
// connection rules, undo history, clipboard, validation mapping and layout.

export {
  edgeFromJson,
  edgeToJson,
  emptyDocument,
  fromPipelineJson,
  nodeFromJson,
  nodeToJson,
  toPipelineJson,
  type DesignerDocument,
  type DesignerEdge,
  type DesignerEdgeData,
  type DesignerNode,
  type DesignerNodeData,
  type PipelineEdgeJson,
  type PipelineJson,
  type PipelineMeta,
  type PipelineNodeJson,
  type XY,
} from './document.js';
export { readPipeline, readPipelineText, describeJsonError, type ReadResult } from './read-pipeline.js';
export { uniqueEdgeId, uniqueNodeId } from './ids.js';
export { checkConnection, wiredGraphOf, type ConnectionAttempt, type ConnectionCheck } from './wiring.js';
export { addEdge, addNode, removeElements, renameNode, selectOnly, setConfigField, updateNodeData } from './edits.js';
export { COALESCE_MS, HISTORY_LIMIT, emptyHistory, recordEdit, redo, undo, type History } from './history.js';
export {
  CLIPBOARD_KIND,
  PASTE_OFFSET,
  clipboardText,
  copyNodes,
  parseClipboard,
  pasteNodes,
  type ClipboardPayload,
  type PasteResult,
} from './clipboard.js';
export {
  deployBlocker,
  fieldPathOf,
  issuesByNode,
  mapServerIssues,
  mergeIssues,
  validateDocument,
  type DesignerIssue,
} from './issues.js';
export { nodeSummary } from './summary.js';
export { DEFAULT_NODE_SIZE, layoutLeftToRight } from './layout.js';
export { pipelineFile } from './export-file.js';
