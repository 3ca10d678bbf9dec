import { canConnect, nodeTypeInfo, wiredNode, type Connection, type ConnectionCheck, type WiredGraph } from '@sluice/topology';
import type { DesignerEdge, DesignerNode } from './document.js';

export type { Connection as ConnectionAttempt, ConnectionCheck } from '@sluice/topology';

interface Graph {
  nodes: readonly DesignerNode[];
  edges: readonly DesignerEdge[];
}

/** The canvas as topology's wiring rules read it; nodes are named as the person sees them. */
export function wiredGraphOf(graph: Graph): WiredGraph {
  const nodes = new Map(
    graph.nodes.map((node) => {
      const name = `${nodeTypeInfo(node.type).label} "${node.data.label || node.id}"`;
      return [node.id, wiredNode({ id: node.id, type: node.type, config: node.data.config }, name)] as const;
    }),
  );
  return { nodes, edges: graph.edges };
}

/** Whether an edge may land, asked while the person is still dragging (see canConnect). */
export function checkConnection(graph: Graph, attempt: Connection): ConnectionCheck {
  return canConnect(wiredGraphOf(graph), attempt);
}
