import { describe, expect, it } from 'vitest';
import { validatePipeline } from './validate.js';
import type { ValidationIssue } from './validation/issue.js';

type Node = Record<string, unknown>;
type Edge = { id: string; source: string; target: string; sourceHandle?: string | null };

const source = (id: string, topic = `${id}-topic`): Node => ({ id, type: 'source', config: { topic } });
const filter = (id: string, expression = 'value.t > 40.0'): Node => ({ id, type: 'filter', config: { expression } });
const sink = (id: string, topic = `${id}-topic`): Node => ({ id, type: 'sink', config: { topic } });
const branch = (id: string, ...names: string[]): Node => ({
  id,
  type: 'branch',
  config: { predicates: names.map((name) => ({ name, expression: 'value.t > 0.0' })) },
});
const edge = (id: string, from: string, to: string, sourceHandle?: string | null): Edge =>
  sourceHandle === undefined ? { id, source: from, target: to } : { id, source: from, target: to, sourceHandle };

function check(nodes: Node[], edges: Edge[]): ValidationIssue[] {
  const result = validatePipeline({ schemaVersion: 1, name: 'p', nodes, edges });
  return result.ok ? [] : result.issues;
}

describe('validatePipeline: wiring that is fine', () => {
  it('accepts a merge of two sources into one filter', () => {
    expect(check([source('a'), source('b'), filter('f'), sink('out')], [edge('1', 'a', 'f'), edge('2', 'b', 'f'), edge('3', 'f', 'out')])).toEqual([]);
  });

  it('accepts fan-out of one node to several', () => {
    expect(check([source('a'), sink('x'), sink('y')], [edge('1', 'a', 'x'), edge('2', 'a', 'y')])).toEqual([]);
  });

  it('accepts sourceHandle null on a single-output node, as canvases write it', () => {
    expect(check([source('a'), sink('x')], [edge('1', 'a', 'x', null)])).toEqual([]);
  });

  it('accepts branch edges naming predicates and default, and leaves unwired outputs alone', () => {
    const nodes = [source('a'), branch('split', 'hot', 'cold'), sink('x'), sink('y')];
    expect(check(nodes, [edge('1', 'a', 'split'), edge('2', 'split', 'x', 'hot'), edge('3', 'split', 'y', 'default')])).toEqual([]);
  });
});

describe('validatePipeline: wiring problems', () => {
  it('reports edges to missing nodes, with a suggestion', () => {
    expect(check([source('raw'), sink('out')], [edge('e1', 'raw', 'out'), edge('e2', 'rwa', 'nowhere')])).toEqual([
      { code: 'missing-node', path: 'edges[1].source', edgeId: 'e2', message: 'edge "e2" starts at node "rwa", which does not exist (did you mean raw?)' },
      { code: 'missing-node', path: 'edges[1].target', edgeId: 'e2', message: 'edge "e2" ends at node "nowhere", which does not exist' },
    ]);
  });

  it('reports duplicate node ids and edge ids', () => {
    expect(check([source('a'), sink('x'), sink('x')], [edge('e', 'a', 'x'), edge('e', 'a', 'x', null)])).toEqual([
      { code: 'duplicate-node-id', path: 'nodes[2].id', nodeId: 'x', message: 'duplicate node id "x" (also nodes[1]): give each node its own id' },
      { code: 'duplicate-edge-id', path: 'edges[1].id', edgeId: 'e', message: 'duplicate edge id "e" (also edges[0]): give each edge its own id' },
      {
        code: 'duplicate-edge',
        path: 'edges[1]',
        edgeId: 'e',
        message: 'edge "e": source "a" is already connected to sink "x": every record would arrive twice; remove one of the two',
      },
    ]);
  });

  it('reports a duplicate edge between the same nodes', () => {
    expect(check([source('a'), sink('x')], [edge('1', 'a', 'x'), edge('2', 'a', 'x')])).toEqual([
      { code: 'duplicate-edge', path: 'edges[1]', edgeId: '2', message: 'edge "2": source "a" is already connected to sink "x": every record would arrive twice; remove one of the two' },
    ]);
  });

  it('names the nodes on a cycle', () => {
    const nodes = [source('a'), filter('f1'), filter('f2'), filter('f3'), sink('out')];
    const edges = [edge('1', 'a', 'f1'), edge('2', 'f1', 'f2'), edge('3', 'f2', 'f3'), edge('4', 'f3', 'f1'), edge('5', 'f3', 'out')];
    expect(check(nodes, edges)).toEqual([
      {
        code: 'cycle',
        path: 'edges[3]',
        nodeId: 'f1',
        edgeId: '4',
        message: 'edge "4": connecting filter "f3" to filter "f1" would make a cycle f1 → f2 → f3 → f1: records would loop forever; remove one edge of the loop',
      },
    ]);
  });

  it('reports a node wired to itself', () => {
    expect(check([source('a'), filter('f'), sink('out')], [edge('1', 'a', 'f'), edge('2', 'f', 'f'), edge('3', 'f', 'out')])).toEqual([
      { code: 'cycle', path: 'edges[1]', nodeId: 'f', edgeId: '2', message: 'edge "2": filter "f" cannot feed itself: records would loop forever; remove one edge of the loop' },
    ]);
  });

  it('reports a source with an input', () => {
    const issues = check([source('a'), filter('f'), sink('out')], [edge('1', 'a', 'f'), edge('2', 'f', 'out'), edge('3', 'f', 'a')]);
    expect(issues).toEqual([
      {
        code: 'source-with-input',
        path: 'edges[2].target',
        nodeId: 'a',
        edgeId: '3',
        message: 'edge "3": source "a" reads from Kafka and takes no input; remove the edge',
      },
    ]);
  });

  it('reports a sink with an output', () => {
    const issues = check([source('a'), sink('out'), filter('f'), sink('more')], [edge('1', 'a', 'out'), edge('2', 'out', 'f'), edge('3', 'f', 'more')]);
    expect(issues).toEqual([
      {
        code: 'sink-with-output',
        path: 'edges[1].source',
        nodeId: 'out',
        edgeId: '2',
        message: 'edge "2": sink "out" writes to Kafka and has no output; remove the edge',
      },
      {
        code: 'not-fed',
        path: 'nodes[2]',
        nodeId: 'f',
        message: 'filter "f" has no input, so it receives no records: connect it downstream of a source',
      },
    ]);
  });

  it('reports a branch edge that names no output', () => {
    expect(check([source('a'), branch('split', 'hot'), sink('x')], [edge('1', 'a', 'split'), edge('2', 'split', 'x')])).toEqual([
      {
        code: 'missing-output',
        path: 'edges[1].sourceHandle',
        nodeId: 'split',
        edgeId: '2',
        message: 'edge "2": branch "split" has one output per predicate: name one of "hot", "default"',
      },
    ]);
  });

  it('reports a branch edge naming an output the branch does not have', () => {
    expect(check([source('a'), branch('split', 'hot', 'cold'), sink('x')], [edge('1', 'a', 'split'), edge('2', 'split', 'x', 'hott')])).toEqual([
      {
        code: 'unknown-output',
        path: 'edges[1].sourceHandle',
        nodeId: 'split',
        edgeId: '2',
        message: 'edge "2": branch "split" has no output "hott" (did you mean hot?): its outputs are "hot", "cold", "default"',
      },
    ]);
  });

  it('reports a sourceHandle on a node with a single output', () => {
    expect(check([source('a'), filter('f'), sink('x')], [edge('1', 'a', 'f'), edge('2', 'f', 'x', 'yes')])).toEqual([
      {
        code: 'unexpected-output',
        path: 'edges[1].sourceHandle',
        nodeId: 'f',
        edgeId: '2',
        message: 'edge "2": filter "f" has a single output, so a connection from it names none (here "yes"); remove its sourceHandle',
      },
    ]);
  });

  it('reports a node that leads to no sink', () => {
    expect(check([source('a'), filter('f'), filter('g'), sink('x')], [edge('1', 'a', 'x'), edge('2', 'a', 'f'), edge('3', 'f', 'g')])).toEqual([
      { code: 'dead-end', path: 'nodes[2]', nodeId: 'g', message: 'filter "g" has no output, so its records go nowhere: connect it to a sink' },
    ]);
  });

  it('reports a source that leads to no sink', () => {
    expect(check([source('a'), source('b'), sink('x')], [edge('1', 'a', 'x')])).toEqual([
      { code: 'dead-end', path: 'nodes[1]', nodeId: 'b', message: 'source "b" has no output, so its records go nowhere: connect it to a sink' },
    ]);
  });

  it('reports a node fed by no source', () => {
    expect(check([source('a'), filter('f'), filter('g'), sink('x')], [edge('1', 'a', 'x'), edge('2', 'f', 'g'), edge('3', 'g', 'x')])).toEqual([
      { code: 'not-fed', path: 'nodes[1]', nodeId: 'f', message: 'filter "f" has no input, so it receives no records: connect it downstream of a source' },
    ]);
  });

  it('reports a node connected to nothing once', () => {
    expect(check([source('a'), filter('f'), sink('x')], [edge('1', 'a', 'x')])).toEqual([
      { code: 'disconnected', path: 'nodes[1]', nodeId: 'f', message: 'filter "f" is not connected to anything: place it between a source and a sink' },
    ]);
  });

  it('reports a pipeline without a source or without a sink', () => {
    expect(check([filter('f'), sink('x')], [edge('1', 'f', 'x')])).toEqual([
      { code: 'no-source', path: 'nodes', message: 'the pipeline has no source: add a source node that reads a topic' },
    ]);
    expect(check([source('a'), filter('f')], [edge('1', 'a', 'f')])).toEqual([
      { code: 'no-sink', path: 'nodes', message: 'the pipeline has no sink: add a sink node that writes a topic' },
    ]);
    expect(check([], []).map((i) => i.code)).toEqual(['no-source', 'no-sink']);
  });

  it('reports a sink writing the topic its own source reads', () => {
    expect(check([source('a', 'loop'), filter('f'), sink('x', 'loop')], [edge('1', 'a', 'f'), edge('2', 'f', 'x')])).toEqual([
      {
        code: 'topic-loop',
        path: 'nodes[2].config.topic',
        nodeId: 'x',
        message: 'sink "x" writes "loop", the topic source "a" reads, so records would be processed again forever: write to another topic',
      },
    ]);
  });

  it('still wires a node of unknown type, without judging it', () => {
    const issues = check([source('a'), { id: 'm', type: 'enrich', config: {} }, sink('x')], [edge('1', 'a', 'm'), edge('2', 'm', 'x')]);
    expect(issues.map((i) => i.code)).toEqual(['unknown-node-type']);
  });
});

describe('validatePipeline: drafts', () => {
  it('returns the parsed pipeline alongside wiring issues', () => {
    const result = validatePipeline({ schemaVersion: 1, name: 'draft', nodes: [source('a')], edges: [] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.pipeline?.nodes[0]).toMatchObject({ id: 'a', config: { format: 'json' } });
  });

  it('returns no pipeline when the shape itself is wrong', () => {
    const result = validatePipeline({ schemaVersion: 1, name: 'draft', nodes: [{ id: 'a', type: 'source', config: {} }], edges: [] });
    expect(!result.ok && result.pipeline).toBeUndefined();
  });
});
