import { didYouMean } from '../suggest.js';
import type { GraphEdge, GraphNode, GraphView } from './graph-view.js';
import type { ValidationIssue } from './issue.js';
import { carriesRecords, connectionProblems, type ConnectionProblemCode } from '../wiring/index.js';

/** Wiring problems: ids, edges (see canConnect), reachability, topic feedback loops. */
export function graphIssues(view: GraphView): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nodesById = uniqueNodes(view.nodes, issues);
  checkEdgeIds(view.edges, issues);
  const usable = checkEdges(view.edges, nodesById, issues);
  const successors = adjacency(usable, (e) => e.source);
  const predecessors = adjacency(usable, (e) => e.target);
  checkReachability([...nodesById.values()], successors, predecessors, issues);
  checkTopicLoops([...nodesById.values()], successors, issues);
  return issues;
}


function uniqueNodes(nodes: readonly GraphNode[], issues: ValidationIssue[]): Map<string, GraphNode> {
  const byId = new Map<string, GraphNode>();
  for (const node of nodes) {
    const first = byId.get(node.id);
    if (first === undefined) {
      byId.set(node.id, node);
    } else {
      issues.push({
        code: 'duplicate-node-id',
        path: `nodes[${node.index}].id`,
        nodeId: node.id,
        message: `duplicate node id "${node.id}" (also nodes[${first.index}]): give each node its own id`,
      });
    }
  }
  return byId;
}

function checkEdgeIds(edges: readonly GraphEdge[], issues: ValidationIssue[]): void {
  const seen = new Map<string, GraphEdge>();
  for (const edge of edges) {
    const first = seen.get(edge.id);
    if (first === undefined) {
      seen.set(edge.id, edge);
    } else {
      issues.push({
        code: 'duplicate-edge-id',
        path: `edges[${edge.index}].id`,
        edgeId: edge.id,
        message: `duplicate edge id "${edge.id}" (also edges[${first.index}]): give each edge its own id`,
      });
    }
  }
}

/** What to do about an edge already in a document, where the reason alone does not say it. */
const FIXES: Partial<Record<ConnectionProblemCode, string>> = {
  'source-with-input': '; remove the edge',
  'sink-with-output': '; remove the edge',
  'duplicate-edge': '; remove one of the two',
  cycle: '; remove one edge of the loop',
  'unexpected-output': '; remove its sourceHandle',
};

/**
 * Reports bad edges, by the same rules the canvas applies while dragging, and returns those that
 * carry records (both ends exist, legal direction). Each edge is judged against the usable edges
 * before it, so a duplicate names its twin and a cycle is reported once, by the edge closing it.
 */
function checkEdges(edges: readonly GraphEdge[], nodesById: Map<string, GraphNode>, issues: ValidationIssue[]): GraphEdge[] {
  const usable: GraphEdge[] = [];
  const ids = [...nodesById.keys()];
  for (const edge of edges) {
    const at = `edges[${edge.index}]`;
    const ends = [
      { end: 'source', id: edge.source, verb: 'starts at' },
      { end: 'target', id: edge.target, verb: 'ends at' },
    ] as const;
    const missing = ends.filter((e) => !nodesById.has(e.id));
    for (const { end, id, verb } of missing) {
      issues.push({
        code: 'missing-node',
        path: `${at}.${end}`,
        edgeId: edge.id,
        message: `edge "${edge.id}" ${verb} node "${id}", which does not exist${didYouMean(id, ids)}`,
      });
    }
    if (missing.length > 0) continue;

    const problems = connectionProblems({ nodes: nodesById, edges: usable }, edge);
    for (const problem of problems) {
      issues.push({
        code: problem.code,
        path: problem.end === 'edge' ? at : `${at}.${problem.end}`,
        ...(problem.nodeId === undefined ? {} : { nodeId: problem.nodeId }),
        edgeId: edge.id,
        message: `edge "${edge.id}": ${problem.reason}${FIXES[problem.code] ?? ''}`,
      });
    }
    if (problems.every(carriesRecords)) usable.push(edge);
  }
  return usable;
}

/** Edges grouped by one of their ends. */
function adjacency(edges: readonly GraphEdge[], end: (e: GraphEdge) => string): Map<string, GraphEdge[]> {
  const map = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const list = map.get(end(edge));
    if (list) list.push(edge);
    else map.set(end(edge), [edge]);
  }
  return map;
}

function reach(starts: readonly string[], links: Map<string, GraphEdge[]>, next: (e: GraphEdge) => string): Set<string> {
  const seen = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const edge of links.get(id) ?? []) {
      const n = next(edge);
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return seen;
}

function checkReachability(
  nodes: readonly GraphNode[],
  successors: Map<string, GraphEdge[]>,
  predecessors: Map<string, GraphEdge[]>,
  issues: ValidationIssue[],
): void {
  const sources = nodes.filter((n) => n.type === 'source').map((n) => n.id);
  const sinks = nodes.filter((n) => n.type === 'sink').map((n) => n.id);
  // Nodes of unknown type are already reported; judging the rest by them would only add noise.
  const typed = nodes.length === 0 || nodes.some((n) => n.type !== undefined);
  if (typed && sources.length === 0) {
    issues.push({ code: 'no-source', path: 'nodes', message: 'the pipeline has no source: add a source node that reads a topic' });
  }
  if (typed && sinks.length === 0) {
    issues.push({ code: 'no-sink', path: 'nodes', message: 'the pipeline has no sink: add a sink node that writes a topic' });
  }
  const fed = reach(sources, successors, (e) => e.target);
  const drained = reach(sinks, predecessors, (e) => e.source);
  // Only the loose ends are named: the node where records stop (or never start) is where the
  // fix goes, and every unfed or undrained stretch has one unless it is a cycle, reported above.
  for (const node of nodes) {
    if (node.type === undefined) continue;
    const notFed = sources.length > 0 && !fed.has(node.id) && !predecessors.has(node.id);
    const deadEnd = sinks.length > 0 && !drained.has(node.id) && !successors.has(node.id);
    const common = { path: `nodes[${node.index}]`, nodeId: node.id };
    if (notFed && deadEnd) {
      issues.push({ code: 'disconnected', ...common, message: `${node.name} is not connected to anything: place it between a source and a sink` });
    } else if (notFed) {
      issues.push({ code: 'not-fed', ...common, message: `${node.name} has no input, so it receives no records: connect it downstream of a source` });
    } else if (deadEnd) {
      issues.push({
        code: 'dead-end',
        ...common,
        message: `${node.name} has no output, so its records go nowhere: connect it to a sink`,
      });
    }
  }
}

/** A sink writing the very topic a source upstream of it reads would feed its records back forever. */
function checkTopicLoops(nodes: readonly GraphNode[], successors: Map<string, GraphEdge[]>, issues: ValidationIssue[]): void {
  for (const source of nodes) {
    if (source.type !== 'source' || source.topic === undefined) continue;
    const downstream = reach([source.id], successors, (e) => e.target);
    for (const sink of nodes) {
      if (sink.type !== 'sink' || sink.topic !== source.topic || !downstream.has(sink.id)) continue;
      issues.push({
        code: 'topic-loop',
        path: `nodes[${sink.index}].config.topic`,
        nodeId: sink.id,
        message: `sink "${sink.id}" writes "${sink.topic}", the topic source "${source.id}" reads, so records would be processed again forever: write to another topic`,
      });
    }
  }
}
