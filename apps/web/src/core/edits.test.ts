import { weatherPipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { fromPipelineJson, type PipelineJson } from './document.js';
import { addEdge, addNode, removeElements, renameNode, setConfigField, updateNodeData } from './edits.js';
import { layoutLeftToRight } from './layout.js';
import { nodeSummary } from './summary.js';

const weather = () => fromPipelineJson(structuredClone(weatherPipeline) as unknown as PipelineJson);

describe('document edits', () => {
  it('adds a node from the catalogue with defaults, a fresh id, selected alone', () => {
    const { doc, id } = addNode(weather(), 'source', { x: 10, y: 20 });
    expect(id).toBe('source-1');
    const added = doc.nodes.at(-1)!;
    expect(added).toMatchObject({ id, type: 'source', position: { x: 10, y: 20 }, selected: true });
    expect(added.data.config).toEqual({ topic: '', format: 'json', keyFormat: 'string', startFrom: 'earliest' });
    expect(addNode(doc, 'source', { x: 0, y: 0 }).id).toBe('source-2');
  });

  it('removes nodes with their edges', () => {
    const doc = removeElements(weather(), new Set(['extreme']), new Set());
    expect(doc.nodes.map((n) => n.id)).toEqual(['raw', 'processed']);
    expect(doc.edges).toEqual([]);
  });

  it('updates and removes node fields without touching the original', () => {
    const before = weather();
    const after = updateNodeData(before, 'raw', { label: undefined, onError: 'skip' });
    expect(after.nodes[0].data.label).toBeUndefined();
    expect('label' in after.nodes[0].data).toBe(false);
    expect(after.nodes[0].data.onError).toBe('skip');
    expect(before.nodes[0].data.label).toBe('Raw readings');
  });

  it('renames branch outputs along with their edges, and drops edges of removed outputs', () => {
    let { doc } = addNode(weather(), 'branch', { x: 0, y: 0 });
    doc = addEdge(doc, { source: 'branch-1', sourceHandle: 'matched', target: 'processed' });
    doc = addEdge(doc, { source: 'branch-1', sourceHandle: 'default', target: 'processed' });
    doc = setConfigField(doc, 'branch-1', 'predicates', [{ name: 'hot', expression: 'true' }]);
    expect(doc.edges.filter((e) => e.source === 'branch-1').map((e) => e.sourceHandle)).toEqual(['hot', 'default']);
    doc = setConfigField(doc, 'branch-1', 'predicates', [{ name: 'hot', expression: 'true' }, { name: 'cold', expression: 'false' }]);
    doc = setConfigField(doc, 'branch-1', 'predicates', [{ name: 'cold', expression: 'false' }]);
    expect(doc.edges.filter((e) => e.source === 'branch-1').map((e) => e.sourceHandle)).toEqual(['default']);
  });

  it('renames a node and its edges, refusing a taken id', () => {
    const doc = renameNode(weather(), 'extreme', 'hot');
    if (typeof doc === 'string') throw new Error(doc);
    expect(doc.edges.map((e) => [e.source, e.target])).toEqual([['raw', 'hot'], ['hot', 'processed']]);
    expect(renameNode(weather(), 'extreme', 'raw')).toBe('node id "raw" is already taken: choose another');
  });

  it('lays the graph out left to right in flow order', () => {
    const doc = weather();
    doc.nodes.reverse().forEach((n) => (n.position = { x: 0, y: 0 }));
    const laid = layoutLeftToRight(doc);
    const x = (id: string) => laid.nodes.find((n) => n.id === id)!.position.x;
    expect(x('raw')).toBeLessThan(x('extreme'));
    expect(x('extreme')).toBeLessThan(x('processed'));
  });

  it('summarises nodes in one line', () => {
    const doc = weather();
    expect(doc.nodes.map(nodeSummary)).toEqual(['from raw_weather_topic', expect.stringMatching(/^value\.temperature > 40\.0 \|\|.*…$/), 'to processed_weather_topic']);
    expect(nodeSummary({ type: 'branch', data: { config: { predicates: [{}, {}] } } })).toBe('2 outputs + default');
  });
});
