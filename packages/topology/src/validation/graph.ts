import { didYouMean } from '../suggest.js';
import type { GraphEdge, GraphNode, GraphView } from './graph-view.js';
import type { ValidationIssue } from './issue.js';

/** Wiring problems: ids, edge ends and handles, cycles, reachability, topic feedback loops. */
export function graphIssues(view: GraphView): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nodesById = uniqueNodes(view.nodes, issues);
  checkEdgeIds(view.edges, issues);
  const usable = checkEdges(view.edges, nodesById, issues);
  const successors = adjacency(usable, (e) => e.source);
  const predecessors = adjacency(usable, (e) => e.target);
  checkCycles([...nodesById.values()], successors, issues);
  checkReachability([...nodesById.values()], successors, predecessors, issues);
  checkTopicLoops([...nodesById.values()], successors, issues);
  return issues;
}

const quoted = (node: GraphNode) => `${node.label} "${node.id}"`;

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

/** Reports bad edges and returns those that carry records (both ends exist, legal direction). */
function checkEdges(edges: readonly GraphEdge[], nodesById: Map<string, GraphNode>, issues: ValidationIssue[]): GraphEdge[] {
  const usable: GraphEdge[] = [];
  const connections = new Map<string, GraphEdge>();
  const ids = [...nodesById.keys()];
  for (const edge of edges) {
    const at = `edges[${edge.index}]`;
    const from = nodesById.get(edge.source);
    const to = nodesById.get(edge.target);
    if (!from) {
      issues.push({
        code: 'missing-node',
        path: `${at}.source`,
        edgeId: edge.id,
        message: `edge "${edge.id}" starts at node "${edge.source}", which does not exist${didYouMean(edge.source, ids)}`,
      });
    }
    if (!to) {
      issues.push({
        code: 'missing-node',
        path: `${at}.target`,
        edgeId: edge.id,
        message: `edge "${edge.id}" ends at node "${edge.target}", which does not exist${didYouMean(edge.target, ids)}`,
      });
    }
    if (!from || !to) continue;

    let carriesRecords = true;
    if (to.type === 'source') {
      carriesRecords = false;
      issues.push({
        code: 'source-with-input',
        path: `${at}.target`,
        nodeId: to.id,
        edgeId: edge.id,
        message: `source "${to.id}" cannot have inputs, it reads its topic: remove edge "${edge.id}" from "${from.id}"`,
      });
    }
    if (from.type === 'sink') {
      carriesRecords = false;
      issues.push({
        code: 'sink-with-output',
        path: `${at}.source`,
        nodeId: from.id,
        edgeId: edge.id,
        message: `sink "${from.id}" cannot have outputs, it writes its topic: remove edge "${edge.id}" to "${to.id}"`,
      });
    } else {
      checkHandle(edge, from, issues);
    }

    // A handle on a single-output node is already reported; it does not make a second connection.
    const handle = from.outputs === 'per-predicate' ? edge.sourceHandle : null;
    const key = JSON.stringify([edge.source, handle, edge.target]);
    const twin = connections.get(key);
    if (twin !== undefined) {
      issues.push({
        code: 'duplicate-edge',
        path: at,
        edgeId: edge.id,
        message: `edge "${edge.id}" repeats edge "${twin.id}" (${edge.source} → ${edge.target}), which would deliver every record twice: remove one`,
      });
      continue;
    }
    connections.set(key, edge);
    if (carriesRecords) usable.push(edge);
  }
  return usable;
}

function checkHandle(edge: GraphEdge, from: GraphNode, issues: ValidationIssue[]): void {
  const path = `edges[${edge.index}].sourceHandle`;
  const common = { path, nodeId: from.id, edgeId: edge.id };
  if (from.outputs === 'single' && edge.sourceHandle !== null) {
    issues.push({
      code: 'unexpected-output',
      ...common,
      message: `${quoted(from)} has a single output, so edge "${edge.id}" must not name one (sourceHandle "${edge.sourceHandle}"): remove sourceHandle`,
    });
  }
  if (from.outputs !== 'per-predicate' || from.outputNames === undefined) return;
  const names = from.outputNames.map((n) => `"${n}"`).join(', ');
  if (edge.sourceHandle === null) {
    issues.push({
      code: 'missing-output',
      ...common,
      message: `edge "${edge.id}" leaves branch "${from.id}" without naming an output: set sourceHandle to one of ${names}`,
    });
  } else if (!from.outputNames.includes(edge.sourceHandle)) {
    issues.push({
      code: 'unknown-output',
      ...common,
      message: `branch "${from.id}" has no output "${edge.sourceHandle}"${didYouMean(edge.sourceHandle, from.outputNames)}: its outputs are ${names}`,
    });
  }
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

/** Reports each cycle once, by the edge that closes it, naming its nodes in order. */
function checkCycles(nodes: readonly GraphNode[], successors: Map<string, GraphEdge[]>, issues: ValidationIssue[]): void {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();

  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    for (const edge of successors.get(id) ?? []) {
      const next = edge.target;
      const seen = state.get(next);
      if (seen === 'open') {
        const cycle = stack.slice(stack.lastIndexOf(next));
        const key = [...cycle].sort().join('\u0000');
        if (!reported.has(key)) {
          reported.add(key);
          issues.push({
            code: 'cycle',
            path: `edges[${edge.index}]`,
            nodeId: next,
            edgeId: edge.id,
            message: `cycle ${[...cycle, next].join(' → ')}: records would loop forever; remove one of these edges (e.g. "${edge.id}")`,
          });
        }
      } else if (seen === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };

  for (const node of nodes) if (!state.has(node.id)) visit(node.id);
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
      issues.push({ code: 'disconnected', ...common, message: `${quoted(node)} is not connected to anything: place it between a source and a sink` });
    } else if (notFed) {
      issues.push({ code: 'not-fed', ...common, message: `${quoted(node)} has no input, so it receives no records: connect it downstream of a source` });
    } else if (deadEnd) {
      issues.push({
        code: 'dead-end',
        ...common,
        message: `${quoted(node)} has no output, so its records go nowhere: connect it to a sink`,
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
