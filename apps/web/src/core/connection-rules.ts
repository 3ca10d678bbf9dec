import { nodeTypeInfo, outputsOf, type NodeShape } from '@sluice/topology';
import type { DesignerEdge, DesignerNode } from './document.js';

export interface ConnectionAttempt {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

interface Graph {
  nodes: readonly DesignerNode[];
  edges: readonly DesignerEdge[];
}

const named = (node: DesignerNode) => `${nodeTypeInfo(node.type).label} "${node.data.label || node.id}"`;

/**
 * Whether the schema allows an edge, checked while the person is still dragging so a forbidden
 * connection never lands: nothing flows into a source or out of a sink, and records cannot loop.
 */
export function checkConnection(graph: Graph, attempt: ConnectionAttempt): ConnectionCheck {
  const source = graph.nodes.find((n) => n.id === attempt.source);
  const target = graph.nodes.find((n) => n.id === attempt.target);
  if (!source || !target) return { ok: false, reason: 'both ends of a connection must be nodes on the canvas' };
  if (source.id === target.id) return { ok: false, reason: `${named(source)} cannot feed itself` };
  if (nodeTypeInfo(target.type).inputs.max === 0) {
    return { ok: false, reason: `${named(target)} reads from Kafka and takes no input` };
  }
  const outputs = outputsOf({ type: source.type, config: source.data.config } as NodeShape);
  if (outputs.length === 0) return { ok: false, reason: `${named(source)} writes to Kafka and has no output` };
  const handle = attempt.sourceHandle ?? null;
  if (!outputs.some((o) => o.handle === handle)) {
    return { ok: false, reason: `${named(source)} has no output "${handle ?? ''}"` };
  }
  const duplicate = graph.edges.some(
    (e) => e.source === source.id && e.target === target.id && (e.sourceHandle ?? null) === handle,
  );
  if (duplicate) return { ok: false, reason: `${named(source)} is already connected to ${named(target)}` };
  if (reaches(graph.edges, target.id, source.id)) {
    return { ok: false, reason: `connecting ${named(source)} to ${named(target)} would make a cycle: records would loop forever` };
  }
  return { ok: true };
}

/** Whether following edges from `from` arrives at `to`. */
function reaches(edges: readonly DesignerEdge[], from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const list = next.get(edge.source);
    if (list) list.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return false;
}
