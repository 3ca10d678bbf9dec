import { CURRENT_SCHEMA_VERSION, type NodeType, type OnErrorMode } from '@sluice/topology';

export interface XY {
  x: number;
  y: number;
}

/**
 * What a canvas node carries besides its id, type and position: the pipeline node's own fields.
 * `config` stays loosely typed because a draft may be half filled in; validation says what is
 * missing. Fields the designer does not know are kept, so nothing a file held is lost.
 */
export type DesignerNodeData = {
  label?: string;
  onError?: OnErrorMode;
  deadLetterTopic?: string;
  config: Record<string, unknown>;
  [field: string]: unknown;
};

/** A node as the canvas holds it: a pipeline node plus view state (selection, measured size). */
export type DesignerNode = {
  id: string;
  type: NodeType;
  position: XY;
  data: DesignerNodeData;
  selected?: boolean;
  dragging?: boolean;
  measured?: { width?: number; height?: number };
};

export type DesignerEdgeData = { [field: string]: unknown };

export type DesignerEdge = {
  id: string;
  source: string;
  target: string;
  /** The branch output the edge leaves through; null for single-output nodes. */
  sourceHandle?: string | null;
  targetHandle?: string | null;
  selected?: boolean;
  data?: DesignerEdgeData;
};

/** Everything in a pipeline document other than its nodes and edges (name, description, settings…). */
export type PipelineMeta = {
  schemaVersion: number;
  name: string;
  [field: string]: unknown;
};

/** The designer's model of one pipeline: the canvas elements and the document fields around them. */
export interface DesignerDocument {
  meta: PipelineMeta;
  nodes: DesignerNode[];
  edges: DesignerEdge[];
}

/** A pipeline node as JSON, in the field order people read it in. */
export interface PipelineNodeJson {
  id: string;
  type: NodeType;
  label?: string;
  position: XY;
  onError?: OnErrorMode;
  deadLetterTopic?: string;
  config: Record<string, unknown>;
  [field: string]: unknown;
}

export interface PipelineEdgeJson {
  id: string;
  source: string;
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
  [field: string]: unknown;
}

/** A pipeline document as the API and files carry it (possibly an invalid draft). */
export type PipelineJson = PipelineMeta & {
  nodes: PipelineNodeJson[];
  edges: PipelineEdgeJson[];
};

export function emptyDocument(name: string): DesignerDocument {
  return { meta: { schemaVersion: CURRENT_SCHEMA_VERSION, name }, nodes: [], edges: [] };
}

/** The pipeline JSON for a designer document; view state (selection, sizes) is left out. */
export function toPipelineJson(doc: DesignerDocument): PipelineJson {
  return {
    ...doc.meta,
    nodes: doc.nodes.map(nodeToJson),
    edges: doc.edges.map(edgeToJson),
  };
}

export function nodeToJson(node: DesignerNode): PipelineNodeJson {
  const { label, onError, deadLetterTopic, config, ...extra } = node.data;
  // Reading order: id, type, label, position, onError, deadLetterTopic, config.
  return {
    id: node.id,
    type: node.type,
    ...(label !== undefined ? { label } : {}),
    position: { x: node.position.x, y: node.position.y },
    ...(onError !== undefined ? { onError } : {}),
    ...(deadLetterTopic !== undefined ? { deadLetterTopic } : {}),
    ...extra,
    config,
  };
}

export function edgeToJson(edge: DesignerEdge): PipelineEdgeJson {
  return {
    id: edge.id,
    source: edge.source,
    ...(edge.sourceHandle != null ? { sourceHandle: edge.sourceHandle } : {}),
    target: edge.target,
    ...(edge.targetHandle != null ? { targetHandle: edge.targetHandle } : {}),
    ...edge.data,
  };
}

/** The designer document for a pipeline JSON that has already been read (see readPipelineText). */
export function fromPipelineJson(pipeline: PipelineJson): DesignerDocument {
  const { nodes, edges, ...meta } = pipeline;
  return {
    meta,
    nodes: nodes.map(nodeFromJson),
    edges: edges.map(edgeFromJson),
  };
}

export function nodeFromJson(json: PipelineNodeJson): DesignerNode {
  const { id, type, position, ...data } = json;
  return { id, type, position: { x: position.x, y: position.y }, data: data as DesignerNodeData };
}

export function edgeFromJson(json: PipelineEdgeJson): DesignerEdge {
  const { id, source, target, sourceHandle, targetHandle, ...data } = json;
  const edge: DesignerEdge = { id, source, target };
  if (sourceHandle != null) edge.sourceHandle = sourceHandle;
  if (targetHandle != null) edge.targetHandle = targetHandle;
  if (Object.keys(data).length > 0) edge.data = data;
  return edge;
}
