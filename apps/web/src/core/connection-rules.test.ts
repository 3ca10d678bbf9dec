import { describe, expect, it } from 'vitest';
import { checkConnection } from './connection-rules.js';
import type { DesignerEdge, DesignerNode } from './document.js';

const node = (id: string, type: DesignerNode['type'], config: Record<string, unknown> = {}): DesignerNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { config },
});

const nodes = [
  node('src', 'source'),
  node('f', 'filter'),
  node('m', 'map'),
  node('b', 'branch', { predicates: [{ name: 'hot', expression: 'true' }] }),
  node('out', 'sink'),
];
const edges: DesignerEdge[] = [
  { id: 'e1', source: 'src', target: 'f' },
  { id: 'e2', source: 'f', target: 'm' },
];
const graph = { nodes, edges };

describe('checkConnection', () => {
  it('allows a legal connection, merges included', () => {
    expect(checkConnection(graph, { source: 'm', target: 'out' })).toEqual({ ok: true });
    expect(checkConnection(graph, { source: 'src', target: 'm' })).toEqual({ ok: true });
    expect(checkConnection(graph, { source: 'b', sourceHandle: 'hot', target: 'out' })).toEqual({ ok: true });
    expect(checkConnection(graph, { source: 'b', sourceHandle: 'default', target: 'out' })).toEqual({ ok: true });
  });

  it('refuses input into a source and output out of a sink', () => {
    expect(checkConnection(graph, { source: 'f', target: 'src' })).toEqual({ ok: false, reason: 'Source "src" reads from Kafka and takes no input' });
    expect(checkConnection(graph, { source: 'out', target: 'f' })).toEqual({ ok: false, reason: 'Sink "out" writes to Kafka and has no output' });
  });

  it('refuses cycles, self loops and duplicates', () => {
    expect(checkConnection(graph, { source: 'm', target: 'f' })).toEqual({ ok: false, reason: expect.stringContaining('would make a cycle') });
    expect(checkConnection(graph, { source: 'f', target: 'f' })).toEqual({ ok: false, reason: 'Filter "f" cannot feed itself' });
    expect(checkConnection(graph, { source: 'src', target: 'f' })).toEqual({ ok: false, reason: expect.stringContaining('already connected') });
  });

  it('checks branch outputs', () => {
    expect(checkConnection(graph, { source: 'b', sourceHandle: 'cold', target: 'out' })).toEqual({ ok: false, reason: 'Branch "b" has no output "cold"' });
    expect(checkConnection(graph, { source: 'b', target: 'out' })).toMatchObject({ ok: false });
    expect(checkConnection(graph, { source: 'f', sourceHandle: 'hot', target: 'out' })).toMatchObject({ ok: false });
  });
});
