import { wiredNode, type WiredNode } from '../wiring/index.js';
import { valueAt } from './issue.js';

/**
 * The graph as far as it can be read from a document that may be invalid elsewhere, so that
 * wiring problems are reported together with shape problems instead of one round later.
 */
export interface GraphNode extends WiredNode {
  index: number;
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
      const type = valueAt(raw, ['type']);
      const topic = valueAt(raw, ['config', 'topic']);
      const wired = wiredNode({ id, type, config: valueAt(raw, ['config']) }, '');
      nodes.push({
        ...wired,
        name: `${wired.type ?? 'node'} "${id}"`,
        index,
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
