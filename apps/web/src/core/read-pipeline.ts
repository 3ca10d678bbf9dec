import { CURRENT_SCHEMA_VERSION, formatIssue, isNodeType, migratePipeline, NODE_TYPES } from '@sluice/topology';
import type { PipelineEdgeJson, PipelineJson, PipelineNodeJson, XY } from './document.js';
import { uniqueEdgeId } from './ids.js';
import { locateJsonError } from './json-error.js';

export type ReadResult = { ok: true; pipeline: PipelineJson } | { ok: false; message: string };

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads pipeline JSON text (a file, a paste, the JSON view) far enough to put it on the canvas.
 * Drafts may be invalid, so only what the canvas cannot hold is refused here: unknown node types,
 * missing or repeated ids. Everything else is left for validation to report on the nodes.
 */
export function readPipelineText(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: describeJsonError(text) };
  }
  return readPipeline(value);
}

export function readPipeline(value: unknown): ReadResult {
  const migrated = migratePipeline(value);
  if (!migrated.ok) return { ok: false, message: formatIssue(migrated.issue) };
  const { nodes: rawNodes = [], edges: rawEdges = [], ...meta } = migrated.document;
  if (!Array.isArray(rawNodes)) return { ok: false, message: 'nodes must be a list of pipeline nodes' };
  if (!Array.isArray(rawEdges)) return { ok: false, message: 'edges must be a list of connections' };

  const nodes: PipelineNodeJson[] = [];
  const nodeIds = new Set<string>();
  for (const [index, raw] of rawNodes.entries()) {
    const node = readNode(raw, index, nodeIds);
    if (typeof node === 'string') return { ok: false, message: node };
    nodeIds.add(node.id);
    nodes.push(node);
  }

  const edges: PipelineEdgeJson[] = [];
  const edgeIds = new Set<string>();
  for (const [index, raw] of rawEdges.entries()) {
    const edge = readEdge(raw, index, edgeIds);
    if (typeof edge === 'string') return { ok: false, message: edge };
    edgeIds.add(edge.id);
    edges.push(edge);
  }

  return {
    ok: true,
    pipeline: {
      ...meta,
      schemaVersion: typeof meta.schemaVersion === 'number' ? meta.schemaVersion : CURRENT_SCHEMA_VERSION,
      name: typeof meta.name === 'string' ? meta.name : '',
      nodes,
      edges,
    },
  };
}

function readNode(raw: unknown, index: number, taken: ReadonlySet<string>): PipelineNodeJson | string {
  const at = `nodes[${index}]`;
  if (!isObject(raw)) return `${at}: each node must be an object with id, type and config`;
  const { id, type, position, config, ...rest } = raw;
  if (typeof id !== 'string' || id === '') return `${at}.id: every node needs an id, such as "filter-1"`;
  if (taken.has(id)) return `${at}.id: duplicate node id "${id}": give each node its own id`;
  if (!isNodeType(type)) {
    return `${at}.type: unknown node type ${JSON.stringify(type)}: use one of ${NODE_TYPES.join(', ')}`;
  }
  return {
    ...rest,
    id,
    type,
    // A hand-written file may leave positions out; they then stack in a column until laid out.
    position: readPosition(position) ?? { x: 0, y: index * 120 },
    config: isObject(config) ? config : {},
  } as PipelineNodeJson;
}

function readPosition(value: unknown): XY | undefined {
  if (!isObject(value)) return undefined;
  const { x, y } = value;
  return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y) ? { x, y } : undefined;
}

function readEdge(raw: unknown, index: number, taken: ReadonlySet<string>): PipelineEdgeJson | string {
  const at = `edges[${index}]`;
  if (!isObject(raw)) return `${at}: each edge must be an object with source and target`;
  const { id, source, target, sourceHandle, targetHandle, ...rest } = raw;
  if (typeof source !== 'string' || source === '') return `${at}.source: name the node the edge leaves`;
  if (typeof target !== 'string' || target === '') return `${at}.target: name the node the edge enters`;
  const handle = typeof sourceHandle === 'string' ? sourceHandle : null;
  let edgeId: string;
  if (id === undefined) edgeId = uniqueEdgeId(source, handle, target, taken);
  else if (typeof id === 'string' && id !== '') edgeId = id;
  else return `${at}.id: edge ids are non-empty strings`;
  if (taken.has(edgeId)) return `${at}.id: duplicate edge id "${edgeId}": give each edge its own id`;
  return {
    ...rest,
    id: edgeId,
    source,
    ...(handle !== null ? { sourceHandle: handle } : {}),
    target,
    ...(typeof targetHandle === 'string' ? { targetHandle } : {}),
  };
}

/** "not valid JSON at line 3, column 7: unexpected \",\"" */
export function describeJsonError(text: string): string {
  const { line, column, problem } = locateJsonError(text);
  return `not valid JSON at line ${line}, column ${column}: ${problem}`;
}
