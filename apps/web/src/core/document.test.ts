import { weatherPipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { fromPipelineJson, toPipelineJson, type PipelineJson } from './document.js';
import { readPipelineText } from './read-pipeline.js';

const weather = structuredClone(weatherPipeline) as unknown as PipelineJson;

describe('pipeline JSON ⇄ designer document', () => {
  it('round-trips the weather pipeline exactly, positions included', () => {
    const doc = fromPipelineJson(weather);
    expect(doc.nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 250, y: 0 }, { x: 500, y: 0 }]);
    expect(toPipelineJson(doc)).toEqual(weather);
  });

  it('keeps fields it does not know, at every level', () => {
    const json = {
      ...weather,
      settings: { deadLetterTopic: 'weather.dead' },
      'x-owner': 'team-a',
      nodes: [{ ...weather.nodes[0], 'x-note': 'read me', position: { x: 12.5, y: -3 } }, ...weather.nodes.slice(1)],
      edges: [{ ...weather.edges[0], targetHandle: 'in', 'x-color': 'red' }, weather.edges[1]],
    } as PipelineJson;
    expect(toPipelineJson(fromPipelineJson(json))).toEqual(json);
  });

  it('leaves view state (selection, measured size) out of the JSON', () => {
    const doc = fromPipelineJson(weather);
    doc.nodes[0] = { ...doc.nodes[0], selected: true, measured: { width: 200, height: 80 } };
    doc.edges[0] = { ...doc.edges[0], selected: true };
    expect(toPipelineJson(doc)).toEqual(weather);
  });

  it('writes node fields in reading order', () => {
    const json = toPipelineJson(fromPipelineJson(weather));
    expect(Object.keys(json.nodes[0])).toEqual(['id', 'type', 'label', 'position', 'onError', 'config']);
  });

  it('survives text: canvas → JSON text → canvas → JSON', () => {
    const text = JSON.stringify(toPipelineJson(fromPipelineJson(weather)), null, 2);
    const read = readPipelineText(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(toPipelineJson(fromPipelineJson(read.pipeline))).toEqual(weather);
  });
});
