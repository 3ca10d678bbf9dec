import { describe, expect, it } from 'vitest';
import { canConnect, type Connection, type WiredGraph } from './can-connect.js';
import { wiredNode } from './wired-node.js';

const node = (id: string, type: string, config: unknown = {}) => wiredNode({ id, type, config }, `${type} "${id}"`);
const nodes = [
  node('src', 'source'),
  node('f', 'filter'),
  node('m', 'map'),
  node('b', 'branch', { predicates: [{ name: 'hot', expression: 'true' }] }),
  node('out', 'sink'),
];
const edges: Connection[] = [
  { source: 'src', target: 'f' },
  { source: 'f', target: 'm' },
];
const graph: WiredGraph = { nodes: new Map(nodes.map((n) => [n.id, n])), edges };

describe('canConnect', () => {
  it('allows a legal connection, merges and branch outputs included', () => {
    expect(canConnect(graph, { source: 'm', target: 'out' })).toEqual({ ok: true });
    expect(canConnect(graph, { source: 'src', target: 'm' })).toEqual({ ok: true });
    expect(canConnect(graph, { source: 'b', sourceHandle: 'hot', target: 'out' })).toEqual({ ok: true });
    expect(canConnect(graph, { source: 'b', sourceHandle: 'default', target: 'out' })).toEqual({ ok: true });
  });

  it('refuses input into a source and output out of a sink', () => {
    expect(canConnect(graph, { source: 'f', target: 'src' })).toMatchObject({ ok: false, code: 'source-with-input', reason: 'source "src" reads from Kafka and takes no input' });
    expect(canConnect(graph, { source: 'out', target: 'f' })).toMatchObject({ ok: false, code: 'sink-with-output', reason: 'sink "out" writes to Kafka and has no output' });
  });

  it('refuses cycles, naming the loop, self loops and duplicates', () => {
    expect(canConnect(graph, { source: 'm', target: 'f' })).toMatchObject({
      ok: false,
      code: 'cycle',
      reason: 'connecting map "m" to filter "f" would make a cycle f → m → f: records would loop forever',
    });
    expect(canConnect(graph, { source: 'f', target: 'f' })).toMatchObject({ ok: false, code: 'cycle', reason: 'filter "f" cannot feed itself: records would loop forever' });
    expect(canConnect(graph, { source: 'src', target: 'f', sourceHandle: null })).toMatchObject({ ok: false, code: 'duplicate-edge' });
  });

  it('checks output handles', () => {
    expect(canConnect(graph, { source: 'b', sourceHandle: 'hott', target: 'out' })).toMatchObject({
      ok: false,
      code: 'unknown-output',
      reason: 'branch "b" has no output "hott" (did you mean hot?): its outputs are "hot", "default"',
    });
    expect(canConnect(graph, { source: 'b', target: 'out' })).toMatchObject({ ok: false, code: 'missing-output' });
    expect(canConnect(graph, { source: 'f', sourceHandle: 'hot', target: 'out' })).toMatchObject({ ok: false, code: 'unexpected-output' });
  });

  it('refuses an end that is not in the graph', () => {
    expect(canConnect(graph, { source: 'nowhere', target: 'out' })).toMatchObject({ ok: false, code: 'missing-node', end: 'source' });
  });
});
