import type { Pipeline, PipelineNode } from '@sluice/topology';
import { PipelineCompileError } from './errors.js';

/**
 * Pipeline nodes with every node after all of its inputs (Kahn's algorithm, stable in document
 * order). Throws on edges to unknown nodes and on cycles, naming them.
 */
export function inTopologicalOrder(pipeline: Pick<Pipeline, 'nodes' | 'edges'>): PipelineNode[] {
  const byId = new Map<string, PipelineNode>();
  for (const node of pipeline.nodes) {
    if (byId.has(node.id)) throw new PipelineCompileError(`node id "${node.id}" is used twice`);
    byId.set(node.id, node);
  }
  const waiting = new Map<string, number>(pipeline.nodes.map((n) => [n.id, 0]));
  const children = new Map<string, string[]>();
  for (const edge of pipeline.edges) {
    for (const end of [edge.source, edge.target]) {
      if (!byId.has(end)) throw new PipelineCompileError(`edge "${edge.id}" names node "${end}", which does not exist`);
    }
    waiting.set(edge.target, waiting.get(edge.target)! + 1);
    let list = children.get(edge.source);
    if (!list) children.set(edge.source, (list = []));
    list.push(edge.target);
  }
  const ready = pipeline.nodes.filter((n) => waiting.get(n.id) === 0).map((n) => n.id);
  const order: PipelineNode[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(byId.get(id)!);
    for (const child of children.get(id) ?? []) {
      const left = waiting.get(child)! - 1;
      waiting.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  if (order.length < pipeline.nodes.length) {
    const stuck = pipeline.nodes.filter((n) => waiting.get(n.id)! > 0).map((n) => `"${n.id}"`);
    throw new PipelineCompileError(`the pipeline has a cycle through ${stuck.join(', ')}; remove an edge to break it`);
  }
  return order;
}
