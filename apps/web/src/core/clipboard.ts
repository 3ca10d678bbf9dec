import {
  edgeFromJson,
  edgeToJson,
  nodeFromJson,
  nodeToJson,
  type DesignerDocument,
  type PipelineEdgeJson,
  type PipelineNodeJson,
  type XY,
} from './document.js';
import { uniqueEdgeId, uniqueNodeId } from './ids.js';
import { readPipeline } from './read-pipeline.js';

/** Copied nodes travel as text, so they paste into another pipeline, tab or browser window. */
export interface ClipboardPayload {
  kind: typeof CLIPBOARD_KIND;
  version: 1;
  nodes: PipelineNodeJson[];
  edges: PipelineEdgeJson[];
}

export const CLIPBOARD_KIND = 'sluice/nodes';
/** How far a paste or duplicate lands from its originals, so the copy is visibly separate. */
export const PASTE_OFFSET = 40;

/** The given nodes and the edges among them; null when there is nothing to copy. */
export function copyNodes(doc: DesignerDocument, ids: ReadonlySet<string>): ClipboardPayload | null {
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { kind: CLIPBOARD_KIND, version: 1, nodes: nodes.map(nodeToJson), edges: edges.map(edgeToJson) };
}

export function clipboardText(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

/** Copied nodes, or the nodes of a whole pipeline document pasted as text; null for anything else. */
export function parseClipboard(text: string): ClipboardPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const candidate = value as Partial<ClipboardPayload>;
  const document = candidate.kind === CLIPBOARD_KIND ? { schemaVersion: 1, name: '', nodes: candidate.nodes, edges: candidate.edges } : value;
  if (!Array.isArray((document as { nodes?: unknown }).nodes)) return null;
  const read = readPipeline(document);
  if (!read.ok || read.pipeline.nodes.length === 0) return null;
  return { kind: CLIPBOARD_KIND, version: 1, nodes: read.pipeline.nodes, edges: read.pipeline.edges };
}

export interface PasteResult {
  doc: DesignerDocument;
  pastedIds: string[];
}

/**
 * Adds copies of the payload's nodes with fresh ids, their edges rewired to the copies, and
 * selects them (only them). `at` puts the copies' top-left corner there; otherwise they land
 * PASTE_OFFSET below and right of the originals.
 */
export function pasteNodes(doc: DesignerDocument, payload: ClipboardPayload, at?: XY): PasteResult {
  const takenNodes = new Set(doc.nodes.map((n) => n.id));
  const takenEdges = new Set(doc.edges.map((e) => e.id));
  const minX = Math.min(...payload.nodes.map((n) => n.position.x));
  const minY = Math.min(...payload.nodes.map((n) => n.position.y));
  const shift = at ? { x: at.x - minX, y: at.y - minY } : { x: PASTE_OFFSET, y: PASTE_OFFSET };

  const renamed = new Map<string, string>();
  const nodes = payload.nodes.map((json) => {
    const id = takenNodes.has(json.id) ? uniqueNodeId(json.type, takenNodes) : json.id;
    takenNodes.add(id);
    renamed.set(json.id, id);
    const node = nodeFromJson(structuredClone(json));
    return { ...node, id, position: { x: json.position.x + shift.x, y: json.position.y + shift.y }, selected: true };
  });
  const edges = payload.edges.flatMap((json) => {
    const source = renamed.get(json.source);
    const target = renamed.get(json.target);
    if (!source || !target) return [];
    const id = uniqueEdgeId(source, json.sourceHandle, target, takenEdges);
    takenEdges.add(id);
    return [{ ...edgeFromJson(structuredClone(json)), id, source, target }];
  });

  return {
    doc: {
      meta: doc.meta,
      nodes: [...doc.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...nodes],
      edges: [...doc.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...edges],
    },
    pastedIds: nodes.map((n) => n.id),
  };
}
