import type { ApiIssue } from '@sluice/api';
import { formatIssue, validatePipeline } from '@sluice/topology';
import { toPipelineJson, type DesignerDocument } from './document.js';

/**
 * A problem as the designer shows it (the contract's issue shape, which validation's issues also
 * fit): on a node or edge when it names one, in the problems list always.
 */
export type DesignerIssue = Omit<ApiIssue, 'code'> & {
  /** `designer` issues come from checking as you edit; `server` ones from the last save or deploy. */
  origin: 'designer' | 'server';
};

export function validateDocument(doc: DesignerDocument): DesignerIssue[] {
  const result = validatePipeline(toPipelineJson(doc));
  return result.ok ? [] : result.issues.map((issue) => attach(issue, doc, 'designer'));
}

/** The server's issues, tied to the nodes and edges their paths point at. */
export function mapServerIssues(issues: readonly ApiIssue[], doc: DesignerDocument): DesignerIssue[] {
  return issues.map((issue) => attach(issue, doc, 'server'));
}

const INDEXED = /^(nodes|edges)\[(\d+)\]/;

function attach(issue: ApiIssue, doc: DesignerDocument, origin: DesignerIssue['origin']): DesignerIssue {
  const out: DesignerIssue = { path: issue.path, message: issue.message, origin };
  if (issue.position) out.position = issue.position;
  let { nodeId, edgeId } = issue;
  const match = INDEXED.exec(issue.path);
  if (match && nodeId === undefined && edgeId === undefined) {
    const index = Number(match[2]);
    if (match[1] === 'nodes') nodeId = doc.nodes[index]?.id;
    else edgeId = doc.edges[index]?.id;
  }
  if (nodeId !== undefined) out.nodeId = nodeId;
  if (edgeId !== undefined) out.edgeId = edgeId;
  return out;
}

/** Designer and server issues together, each problem once. */
export function mergeIssues(designer: readonly DesignerIssue[], server: readonly DesignerIssue[]): DesignerIssue[] {
  const seen = new Set(designer.map((i) => `${i.path}\u0000${i.message}`));
  return [...designer, ...server.filter((i) => !seen.has(`${i.path}\u0000${i.message}`))];
}

export function issuesByNode(issues: readonly DesignerIssue[]): Map<string, DesignerIssue[]> {
  const byNode = new Map<string, DesignerIssue[]>();
  for (const issue of issues) {
    if (issue.nodeId === undefined) continue;
    const list = byNode.get(issue.nodeId);
    if (list) list.push(issue);
    else byNode.set(issue.nodeId, [issue]);
  }
  return byNode;
}

/**
 * The part of an issue's path inside its node ("config.expression" for
 * "nodes[1].config.expression"), which is how the node form finds the field to mark.
 */
export function fieldPathOf(issue: Pick<DesignerIssue, 'path'>): string | undefined {
  const match = /^nodes\[\d+\]\.?(.*)$/.exec(issue.path);
  return match ? match[1] : undefined;
}

/** Why deploying is not possible yet, or null when the pipeline is valid. */
export function deployBlocker(issues: readonly DesignerIssue[]): string | null {
  if (issues.length === 0) return null;
  const first = formatIssue({ code: 'required', path: issues[0].path, message: issues[0].message });
  const more = issues.length - 1;
  return more === 0 ? `Fix this problem to deploy: ${first}` : `Fix ${issues.length} problems to deploy, first: ${first}`;
}
