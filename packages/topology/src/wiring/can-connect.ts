import { nodeTypeInfo } from '../catalogue.js';
import type { NodeType, OutputsKind } from '../nodes/index.js';
import { didYouMean } from '../suggest.js';

/** A node as far as wiring is concerned. */
export interface WiredNode {
  id: string;
  /** Undefined for a type this build does not know: such a node may be wired, but is not judged. */
  type?: NodeType;
  /** How messages name it: `filter "hot"` in a document, `Filter "Extreme only"` on a canvas. */
  name: string;
  outputs: OutputsKind;
  /** The output handles of a node with one output per predicate, when they can be read. */
  outputNames?: readonly string[];
}

/** An edge, or an edge a person is dragging. */
export interface Connection {
  source: string;
  target: string;
  sourceHandle?: string | null;
}

export interface WiredGraph {
  nodes: ReadonlyMap<string, WiredNode>;
  /** The edges already in place. */
  edges: readonly Connection[];
}

export type ConnectionProblemCode =
  | 'missing-node'
  | 'cycle'
  | 'source-with-input'
  | 'sink-with-output'
  | 'unexpected-output'
  | 'missing-output'
  | 'unknown-output'
  | 'duplicate-edge';

/** Why a connection is refused, and which end of it is at fault. */
export interface ConnectionProblem {
  code: ConnectionProblemCode;
  end: 'source' | 'target' | 'sourceHandle' | 'edge';
  nodeId?: string;
  reason: string;
}

export type ConnectionCheck = { ok: true } | ({ ok: false } & ConnectionProblem);

/**
 * The wiring rules, in one place: the canvas asks while a person drags (so a forbidden edge never
 * lands) and validation asks for every edge of a document. Nothing flows into a source or out of
 * a sink, a branch edge names one of its outputs, a connection is made once, and records never loop.
 */
export function canConnect(graph: WiredGraph, connection: Connection): ConnectionCheck {
  const [first] = connectionProblems(graph, connection);
  return first === undefined ? { ok: true } : { ok: false, ...first };
}

/** Every rule a connection breaks; the ones about its ends first. */
export function connectionProblems(graph: WiredGraph, connection: Connection): ConnectionProblem[] {
  const from = graph.nodes.get(connection.source);
  const to = graph.nodes.get(connection.target);
  if (!from || !to) {
    return [{ code: 'missing-node', end: from ? 'target' : 'source', reason: 'both ends of a connection must be nodes of the pipeline' }];
  }
  if (from.id === to.id) {
    return [{ code: 'cycle', end: 'edge', nodeId: to.id, reason: `${from.name} cannot feed itself: records would loop forever` }];
  }
  const problems: ConnectionProblem[] = [];
  if (to.type !== undefined && nodeTypeInfo(to.type).inputs.max === 0) {
    problems.push({ code: 'source-with-input', end: 'target', nodeId: to.id, reason: `${to.name} reads from Kafka and takes no input` });
  }
  if (from.outputs === 'none') {
    problems.push({ code: 'sink-with-output', end: 'source', nodeId: from.id, reason: `${from.name} writes to Kafka and has no output` });
  } else {
    const handleProblem = checkHandle(from, connection.sourceHandle ?? null);
    if (handleProblem) problems.push(handleProblem);
  }
  // Against the direction of flow nothing more can be said; a wrong handle still makes an edge.
  if (problems.some((p) => !carriesRecords(p))) return problems;

  const handle = outputKey(from, connection.sourceHandle);
  const twin = graph.edges.some((e) => e.source === from.id && e.target === to.id && outputKey(from, e.sourceHandle) === handle);
  if (twin) {
    problems.push({ code: 'duplicate-edge', end: 'edge', reason: `${from.name} is already connected to ${to.name}: every record would arrive twice` });
    return problems;
  }
  const loop = pathBetween(graph.edges, to.id, from.id);
  if (loop) {
    problems.push({
      code: 'cycle',
      end: 'edge',
      nodeId: to.id,
      reason: `connecting ${from.name} to ${to.name} would make a cycle ${[...loop, to.id].join(' → ')}: records would loop forever`,
    });
  }
  return problems;
}

/** Whether an edge with this problem still carries records (so later edges are judged with it). */
export function carriesRecords(problem: ConnectionProblem): boolean {
  return problem.code !== 'source-with-input' && problem.code !== 'sink-with-output' && problem.code !== 'duplicate-edge';
}

function checkHandle(from: WiredNode, handle: string | null): ConnectionProblem | undefined {
  const at = { end: 'sourceHandle', nodeId: from.id } as const;
  if (from.outputs === 'single') {
    return handle === null
      ? undefined
      : { code: 'unexpected-output', ...at, reason: `${from.name} has a single output, so a connection from it names none (here "${handle}")` };
  }
  if (from.outputNames === undefined) return undefined;
  const names = from.outputNames.map((n) => `"${n}"`).join(', ');
  if (handle === null) {
    return { code: 'missing-output', ...at, reason: `${from.name} has one output per predicate: name one of ${names}` };
  }
  if (!from.outputNames.includes(handle)) {
    return { code: 'unknown-output', ...at, reason: `${from.name} has no output "${handle}"${didYouMean(handle, from.outputNames)}: its outputs are ${names}` };
  }
  return undefined;
}

/** Which output an edge leaves by: only nodes with named outputs have more than one. */
function outputKey(from: WiredNode, handle: string | null | undefined): string | null {
  return from.outputs === 'per-predicate' ? (handle ?? null) : null;
}

/** The nodes on a path from `start` to `goal` following edges, or undefined when there is none. */
function pathBetween(edges: readonly Connection[], start: string, goal: string): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const edge of edges) {
    const list = next.get(edge.source);
    if (list) list.push(edge.target);
    else next.set(edge.source, [edge.target]);
  }
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (id === goal) {
      const path: string[] = [];
      for (let at: string | null = id; at !== null; at = cameFrom.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const n of next.get(id) ?? []) {
      if (!cameFrom.has(n)) {
        cameFrom.set(n, id);
        queue.push(n);
      }
    }
  }
  return undefined;
}
