import { isNodeType, nodeTypeInfo } from '../catalogue.js';
import { DEFAULT_BRANCH_OUTPUT, type NodeType, type OutputsKind } from '../nodes/index.js';
import { valueAt } from './issue.js';

/**
 * The graph as far as it can be read from a document that may be invalid elsewhere, so that
 * wiring problems are reported together with shape problems instead of one round later.
 */
export interface GraphNode {
  index: number;
  id: string;
  /** Undefined for an unknown type (reported by the shape check): such a node is wired but not judged. */
  type?: NodeType;
  label: string;
  outputs: OutputsKind;
  /** Branch output names, when the predicates can be read. */
  outputNames?: readonly string[];
  topic?: string;
}

export interface GraphEdge {
  index: number;
  id: string;
  source: string;
  target: string;
  sourceHandle: string | null;
}

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function readGraph(document: unknown): GraphView {
  const nodes: GraphNode[] = [];
  const rawNodes = valueAt(document, ['nodes']);
  if (Array.isArray(rawNodes)) {
    rawNodes.forEach((raw: unknown, index) => {
      const id = valueAt(raw, ['id']);
      if (typeof id !== 'string' || id === '') return;
      const rawType = valueAt(raw, ['type']);
      if (!isNodeType(rawType)) {
        nodes.push({ index, id, label: 'node', outputs: 'single' });
        return;
      }
      const info = nodeTypeInfo(rawType);
      const topic = valueAt(raw, ['config', 'topic']);
      nodes.push({
        index,
        id,
        type: rawType,
        label: rawType,
        outputs: info.outputs,
        outputNames: info.outputs === 'per-predicate' ? branchOutputs(raw) : undefined,
        topic: typeof topic === 'string' && topic !== '' ? topic : undefined,
      });
    });
  }

  const edges: GraphEdge[] = [];
  const rawEdges = valueAt(document, ['edges']);
  if (Array.isArray(rawEdges)) {
    rawEdges.forEach((raw: unknown, index) => {
      const source = valueAt(raw, ['source']);
      const target = valueAt(raw, ['target']);
      if (typeof source !== 'string' || typeof target !== 'string') return;
      const id = valueAt(raw, ['id']);
      const handle = valueAt(raw, ['sourceHandle']);
      edges.push({
        index,
        id: typeof id === 'string' && id !== '' ? id : `edges[${index}]`,
        source,
        target,
        sourceHandle: typeof handle === 'string' ? handle : null,
      });
    });
  }
  return { nodes, edges };
}

function branchOutputs(raw: unknown): string[] | undefined {
  const predicates = valueAt(raw, ['config', 'predicates']);
  if (!Array.isArray(predicates)) return undefined;
  const names = predicates.map((p: unknown) => valueAt(p, ['name']));
  if (!names.every((n): n is string => typeof n === 'string')) return undefined;
  return [...names, DEFAULT_BRANCH_OUTPUT];
}
