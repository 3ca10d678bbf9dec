import { createNode, type NodeType } from '@sluice/topology';
import type { ConnectionAttempt } from './wiring.js';
import { nodeFromJson, type DesignerDocument, type DesignerNode, type DesignerNodeData, type PipelineNodeJson, type XY } from './document.js';
import { uniqueEdgeId, uniqueNodeId } from './ids.js';

// Pure document edits. Each returns a new document and leaves its argument untouched, so the
// store can keep the old one for undo.

/** A fresh node of `type` at `position`, selected alone, as the palette drops it. */
export function addNode(doc: DesignerDocument, type: NodeType, position: XY): { doc: DesignerDocument; id: string } {
  const id = uniqueNodeId(type, new Set(doc.nodes.map((n) => n.id)));
  const node: DesignerNode = { ...nodeFromJson(createNode(type, id, position) as PipelineNodeJson), selected: true };
  return { doc: { ...doc, nodes: [...doc.nodes.map(deselect), node], edges: doc.edges.map(deselect) }, id };
}

/** Adds an edge for an attempt that checkConnection allowed. */
export function addEdge(doc: DesignerDocument, attempt: ConnectionAttempt): DesignerDocument {
  const handle = attempt.sourceHandle ?? null;
  const id = uniqueEdgeId(attempt.source, handle, attempt.target, new Set(doc.edges.map((e) => e.id)));
  const edge = { id, source: attempt.source, target: attempt.target, ...(handle !== null ? { sourceHandle: handle } : {}) };
  return { ...doc, edges: [...doc.edges, edge] };
}

/** Removes nodes (with every edge touching them) and edges. */
export function removeElements(doc: DesignerDocument, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): DesignerDocument {
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: doc.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target)),
  };
}

/** Replaces some of a node's fields (label, onError, config…); `undefined` removes a field. */
export function updateNodeData(doc: DesignerDocument, id: string, patch: Partial<DesignerNodeData>): DesignerDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((node) => {
      if (node.id !== id) return node;
      const data: DesignerNodeData = { ...node.data, ...patch };
      for (const [key, value] of Object.entries(patch)) if (value === undefined) delete data[key];
      return { ...node, data };
    }),
  };
}

/**
 * Sets one config field. For a branch, renaming a predicate renames its output, so edges leaving
 * through the old name follow; removing a predicate removes its edges.
 */
export function setConfigField(doc: DesignerDocument, id: string, field: string, value: unknown): DesignerDocument {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) return doc;
  const config = { ...node.data.config };
  if (value === undefined) delete config[field];
  else config[field] = value;
  let next = updateNodeData(doc, id, { config });
  if (node.type === 'branch' && field === 'predicates') next = rewireBranch(next, id, outputNames(node.data.config.predicates), outputNames(value));
  return next;
}

function outputNames(predicates: unknown): string[] {
  if (!Array.isArray(predicates)) return [];
  return predicates.map((p: unknown) => (p !== null && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string' ? (p as { name: string }).name : ''));
}

function rewireBranch(doc: DesignerDocument, id: string, before: string[], after: string[]): DesignerDocument {
  const renamed = new Map<string, string | null>();
  if (before.length === after.length) {
    before.forEach((name, i) => {
      if (name !== after[i]) renamed.set(name, after[i]);
    });
  } else {
    for (const name of before) if (!after.includes(name)) renamed.set(name, null);
  }
  if (renamed.size === 0) return doc;
  const edges = doc.edges.flatMap((edge) => {
    if (edge.source !== id || !edge.sourceHandle || !renamed.has(edge.sourceHandle)) return [edge];
    const name = renamed.get(edge.sourceHandle);
    return name ? [{ ...edge, sourceHandle: name }] : [];
  });
  return { ...doc, edges };
}

/**
 * Gives a node a new id and moves its edges along. Returns null with a reason when the id is
 * taken; the id's alphabet is checked by validation like any other field.
 */
export function renameNode(doc: DesignerDocument, id: string, newId: string): DesignerDocument | string {
  if (id === newId) return doc;
  if (newId === '') return 'node id is required';
  if (doc.nodes.some((n) => n.id === newId)) return `node id "${newId}" is already taken: choose another`;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.id === id ? { ...n, id: newId } : n)),
    edges: doc.edges.map((e) =>
      e.source === id || e.target === id
        ? { ...e, source: e.source === id ? newId : e.source, target: e.target === id ? newId : e.target }
        : e,
    ),
  };
}

/** Selects exactly the given nodes and edges. */
export function selectOnly(doc: DesignerDocument, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string> = new Set()): DesignerDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => withSelected(n, nodeIds.has(n.id))),
    edges: doc.edges.map((e) => withSelected(e, edgeIds.has(e.id))),
  };
}

function withSelected<T extends { selected?: boolean }>(element: T, selected: boolean): T {
  return (element.selected ?? false) === selected ? element : { ...element, selected };
}

function deselect<T extends { selected?: boolean }>(element: T): T {
  return withSelected(element, false);
}
