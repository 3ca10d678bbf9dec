import dagre from '@dagrejs/dagre';
import type { DesignerDocument, XY } from './document.js';

/** The size a node is laid out with before the canvas has measured it. */
export const DEFAULT_NODE_SIZE = { width: 200, height: 80 };

/**
 * Positions every node left to right in the order records flow, keeping edges short and
 * crossings few (dagre's layered layout). Only positions change.
 */
export function layoutLeftToRight(doc: DesignerDocument): DesignerDocument {
  if (doc.nodes.length === 0) return doc;
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 96, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) {
    graph.setNode(node.id, {
      width: node.measured?.width ?? DEFAULT_NODE_SIZE.width,
      height: node.measured?.height ?? DEFAULT_NODE_SIZE.height,
    });
  }
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const edge of doc.edges) {
    if (ids.has(edge.source) && ids.has(edge.target)) graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);

  const placed = new Map<string, XY>();
  for (const node of doc.nodes) {
    const laid = graph.node(node.id);
    // dagre places centres; the canvas positions top-left corners. Round to whole pixels.
    placed.set(node.id, { x: Math.round(laid.x - laid.width / 2), y: Math.round(laid.y - laid.height / 2) });
  }
  return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: placed.get(n.id)! })) };
}
