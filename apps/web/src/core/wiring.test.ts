import { describe, expect, it } from 'vitest';
import type { DesignerEdge, DesignerNode } from './document.js';
import { checkConnection } from './wiring.js';

const node = (id: string, type: DesignerNode['type'], label?: string, config: Record<string, unknown> = {}): DesignerNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { label, config },
});

const nodes = [
  node('src', 'source', 'Raw readings'),
  node('f', 'filter'),
  node('m', 'map'),
  node('b', 'branch', undefined, { predicates: [{ name: 'hot', expression: 'true' }] }),
  node('out', 'sink'),
];
const edges: DesignerEdge[] = [
  { id: 'e1', source: 'src', target: 'f' },
  { id: 'e2', source: 'f', target: 'm' },
];
const graph = { nodes, edges };

// The rules themselves are topology's canConnect; here: the canvas feeds them what it holds.
describe('checkConnection', () => {
  it('allows a legal connection, branch outputs read from the draft config', () => {
    expect(checkConnection(graph, { source: 'm', target: 'out' })).toEqual({ ok: true });
    expect(checkConnection(graph, { source: 'b', sourceHandle: 'hot', target: 'out' })).toEqual({ ok: true });
  });

  it('names nodes by their type label and canvas label', () => {
    expect(checkConnection(graph, { source: 'f', target: 'src' })).toMatchObject({ ok: false, reason: 'Source "Raw readings" reads from Kafka and takes no input' });
    expect(checkConnection(graph, { source: 'f', target: 'f' })).toMatchObject({ ok: false, reason: 'Filter "f" cannot feed itself: records would loop forever' });
  });

  it('sees the edges on the canvas', () => {
    expect(checkConnection(graph, { source: 'm', target: 'f' })).toMatchObject({ ok: false, code: 'cycle' });
    expect(checkConnection(graph, { source: 'src', target: 'f' })).toMatchObject({ ok: false, code: 'duplicate-edge' });
  });
});
