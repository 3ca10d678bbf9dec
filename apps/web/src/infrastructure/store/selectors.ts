import { issuesByNode, mergeIssues, type DesignerIssue } from '../../core/index.js';
import type { PipelineStore } from './pipeline-state.js';

// Narrow selectors. Derived values are memoised on the inputs they read, so every component
// that asks for them shares one computation and gets a stable reference.

function memo<A, R>(compute: (a: A) => R): (a: A) => R {
  let lastInput: A | undefined;
  let lastOutput: R | undefined;
  let primed = false;
  return (a) => {
    if (!primed || a !== lastInput) {
      lastInput = a;
      lastOutput = compute(a);
      primed = true;
    }
    return lastOutput as R;
  };
}

function memo2<A, B, R>(compute: (a: A, b: B) => R): (a: A, b: B) => R {
  let last: { a: A; b: B; r: R } | undefined;
  return (a, b) => {
    if (!last || last.a !== a || last.b !== b) last = { a, b, r: compute(a, b) };
    return last.r;
  };
}

const merged = memo2(mergeIssues);
const byNode = memo(issuesByNode);
const NO_ISSUES: readonly DesignerIssue[] = [];

export const selectIssues = (s: PipelineStore) => merged(s.designerIssues, s.serverIssues);
export const selectIssuesOfNode = (id: string) => (s: PipelineStore) => byNode(selectIssues(s)).get(id) ?? NO_ISSUES;
export const selectIssueCountOfNode = (id: string) => (s: PipelineStore) => byNode(selectIssues(s)).get(id)?.length ?? 0;
export const selectNodes = (s: PipelineStore) => s.doc.nodes;
export const selectEdges = (s: PipelineStore) => s.doc.edges;
export const selectMeta = (s: PipelineStore) => s.doc.meta;

const selectedIds = memo((nodes: PipelineStore['doc']['nodes']) => nodes.filter((n) => n.selected).map((n) => n.id));
export const selectSelectedNodeIds = (s: PipelineStore) => selectedIds(s.doc.nodes);
/** The node the side panel edits: the only selected node, if exactly one is. */
export const selectFocusedNode = (s: PipelineStore) => {
  const ids = selectSelectedNodeIds(s);
  return ids.length === 1 ? s.doc.nodes.find((n) => n.id === ids[0]) : undefined;
};
export const selectCanUndo = (s: PipelineStore) => s.history.past.length > 0;
export const selectCanRedo = (s: PipelineStore) => s.history.future.length > 0;
export const selectUnsaved = (s: PipelineStore) => s.revision !== s.savedRevision;
/** Whether the server runs (or is starting) this pipeline. */
export const selectIsLive = (s: PipelineStore) => s.record?.status === 'running' || s.record?.status === 'deploying';
/**
 * Saved edits the running pipeline does not have yet. The server decides: moving a node or
 * renaming a label changes nothing that runs, so it does not count.
 */
export const selectUndeployed = (s: PipelineStore) => selectIsLive(s) && s.record?.pendingChanges === true;
