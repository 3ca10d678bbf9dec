import { describe, expect, it } from 'vitest';
import { readPipeline, readPipelineText } from './read-pipeline.js';

describe('readPipelineText', () => {
  it('says where JSON syntax breaks', () => {
    const read = readPipelineText('{\n  "name": "a",\n  "nodes": [,]\n}');
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/^not valid JSON at line 3, column \d+/) });
  });

  it('accepts an invalid draft (empty topic, no edges) so it can be fixed on the canvas', () => {
    const read = readPipeline({ name: 'draft', nodes: [{ id: 's', type: 'source', config: { topic: '' } }] });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.pipeline.schemaVersion).toBe(1);
    expect(read.pipeline.nodes[0]).toEqual({ id: 's', type: 'source', position: { x: 0, y: 0 }, config: { topic: '' } });
    expect(read.pipeline.edges).toEqual([]);
  });

  it('refuses what the canvas cannot hold, naming the place', () => {
    expect(readPipeline({ name: 'p', nodes: [{ id: 'a', type: 'teleport', config: {} }] })).toEqual({
      ok: false,
      message: expect.stringContaining('nodes[0].type: unknown node type "teleport"'),
    });
    expect(readPipeline({ name: 'p', nodes: [{ id: 'a', type: 'map' }, { id: 'a', type: 'map' }] })).toEqual({
      ok: false,
      message: 'nodes[1].id: duplicate node id "a": give each node its own id',
    });
    expect(readPipeline({ name: 'p', nodes: [], edges: [{ source: 'a' }] })).toEqual({
      ok: false,
      message: 'edges[0].target: name the node the edge enters',
    });
    expect(readPipeline([1, 2])).toEqual({ ok: false, message: expect.stringContaining('JSON object') });
    expect(readPipeline({ schemaVersion: 99, name: 'p' })).toEqual({ ok: false, message: expect.stringContaining('newer than this Sluice') });
  });

  it('names edges that come without an id', () => {
    const read = readPipeline({
      name: 'p',
      nodes: [{ id: 'a', type: 'branch', config: {} }, { id: 'b', type: 'sink', config: {} }],
      edges: [{ source: 'a', sourceHandle: 'hot', target: 'b' }, { source: 'a', sourceHandle: 'hot', target: 'b' }],
    });
    expect(read.ok && read.pipeline.edges.map((e) => e.id)).toEqual(['a.hot-b', 'a.hot-b-2']);
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['{"a": 1,}', 'line 1, column 9: unexpected "}": property names are written in double quotes'],
    ['{"a" 1}', 'line 1, column 6: unexpected "1": expected ":" after a property name'],
    ['[1, 2', 'line 1, column 6: the text ends too early: expected "," or "]"'],
    ['{"a": tru}', 'line 1, column 7: unexpected "t"'],
    ['{}\n{}', 'line 2, column 1: unexpected "{" after the end of the document'],
    ['{"a": "x\ny"}', 'line 1, column 9: line breaks and control characters must be escaped inside strings'],
  ])('%j → %s', (text, where) => {
    expect(readPipelineText(text)).toEqual({ ok: false, message: `not valid JSON at ${where}` });
  });
});
