import { weatherPipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { fromPipelineJson, type PipelineJson } from './document.js';
import { deployBlocker, fieldPathOf, issuesByNode, mapServerIssues, mergeIssues, validateDocument } from './issues.js';

const weather = () => fromPipelineJson(structuredClone(weatherPipeline) as unknown as PipelineJson);

describe('validation mapping', () => {
  it('finds no problems in the weather pipeline', () => {
    expect(validateDocument(weather())).toEqual([]);
    expect(deployBlocker([])).toBeNull();
  });

  it('puts expression errors on their node with the position inside the expression', () => {
    const doc = weather();
    doc.nodes[1] = { ...doc.nodes[1], data: { ...doc.nodes[1].data, config: { expression: 'value.temperature >' } } };
    const issues = validateDocument(doc);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'nodes[1].config.expression', nodeId: 'extreme', origin: 'designer' });
    expect(issues[0].position).toMatchObject({ line: 1 });
    expect(fieldPathOf(issues[0])).toBe('config.expression');
    expect(issuesByNode(issues).get('extreme')).toEqual(issues);
    expect(deployBlocker(issues)).toMatch(/^Fix this problem to deploy: nodes\[1\]\.config\.expression: /);
  });

  it('reports wiring problems and missing topics on the nodes they concern', () => {
    const doc = weather();
    doc.edges = [];
    doc.nodes[0] = { ...doc.nodes[0], data: { ...doc.nodes[0].data, config: { ...doc.nodes[0].data.config, topic: '' } } };
    const byNode = issuesByNode(validateDocument(doc));
    expect(byNode.get('raw')?.map((i) => i.path)).toContain('nodes[0].config.topic');
    expect(byNode.get('processed')?.length).toBeGreaterThan(0);
    expect(deployBlocker(validateDocument(doc))).toMatch(/^Fix \d+ problems to deploy, first: /);
  });

  it('maps server issues by path when they carry no node id, and merges without repeats', () => {
    const doc = weather();
    const server = mapServerIssues(
      [
        { path: 'nodes[2].config.topic', message: 'topic is read-only' },
        { path: 'edges[1].target', message: 'odd edge' },
        { path: 'name', message: 'name taken' },
      ],
      doc,
    );
    expect(server.map((i) => [i.nodeId, i.edgeId])).toEqual([
      ['processed', undefined],
      [undefined, 'extreme-processed'],
      [undefined, undefined],
    ]);
    const designer = [{ ...server[2], origin: 'designer' as const }];
    expect(mergeIssues(designer, server).map((i) => i.message)).toEqual(['name taken', 'topic is read-only', 'odd edge']);
  });
});
