import { describe, expect, it } from 'vitest';
import { processingGuaranteeOf } from './pipeline.js';
import { validatePipeline } from './validate.js';
import type { ValidationIssue } from './validation/issue.js';

type Doc = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

function basic(): Doc {
  return {
    schemaVersion: 1,
    name: 'alerts',
    nodes: [
      { id: 'raw', type: 'source', config: { topic: 'in' } },
      { id: 'hot', type: 'filter', config: { expression: 'value.t > 40.0' } },
      { id: 'out', type: 'sink', config: { topic: 'out' } },
    ],
    edges: [
      { id: 'e1', source: 'raw', target: 'hot' },
      { id: 'e2', source: 'hot', target: 'out' },
    ],
  };
}

function issues(doc: unknown): ValidationIssue[] {
  const result = validatePipeline(doc);
  return result.ok ? [] : result.issues;
}

describe('validatePipeline: a valid pipeline', () => {
  it('returns the parsed pipeline with defaults filled in', () => {
    const result = validatePipeline(basic());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pipeline.nodes[0]).toEqual({
      id: 'raw',
      type: 'source',
      position: { x: 0, y: 0 },
      onError: 'dead-letter',
      config: { topic: 'in', format: 'json', keyFormat: 'string', startFrom: 'earliest' },
    });
  });

  it('upgrades a document without schemaVersion', () => {
    const { schemaVersion: _, ...old } = basic();
    const result = validatePipeline(old);
    expect(result.ok && result.pipeline.schemaVersion).toBe(1);
  });

  it('takes either processing guarantee, and reads an absent one as exactly_once_v2', () => {
    for (const guarantee of ['exactly_once_v2', 'at_least_once'] as const) {
      const result = validatePipeline({ ...basic(), processingGuarantee: guarantee });
      expect(result.ok && processingGuaranteeOf(result.pipeline)).toBe(guarantee);
    }
    const absent = validatePipeline(basic());
    expect(absent.ok && absent.pipeline.processingGuarantee).toBeUndefined();
    expect(absent.ok && processingGuaranteeOf(absent.pipeline)).toBe('exactly_once_v2');
  });

  it('defaults edges to none', () => {
    const { edges: _, ...doc } = basic();
    const result = validatePipeline(doc);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.pipeline?.edges).toEqual([]);
  });
});

describe('validatePipeline: document shape', () => {
  it('names a processing guarantee Kafka Streams does not have', () => {
    expect(issues({ ...basic(), processingGuarantee: 'exactly_once' })).toMatchObject([
      { path: 'processingGuarantee', message: 'processingGuarantee must be one of "exactly_once_v2", "at_least_once", not "exactly_once" (did you mean exactly_once_v2?)' },
    ]);
  });

  it('refuses a non-object and a newer schema version', () => {
    expect(issues('x')).toEqual([{ code: 'not-an-object', path: '', message: 'a pipeline must be a JSON object with schemaVersion, name, nodes and edges' }]);
    expect(issues({ ...basic(), schemaVersion: 9 })).toMatchObject([{ code: 'unsupported-version', path: 'schemaVersion' }]);
  });

  it('names a missing or malformed pipeline name', () => {
    const { name: _, ...doc } = basic();
    expect(issues(doc)).toEqual([{ code: 'required', path: 'name', message: 'name is required' }]);
    expect(issues({ ...basic(), name: 'my pipeline' })).toEqual([
      { code: 'invalid-value', path: 'name', message: "pipeline names use only letters, digits, '.', '_' and '-'" },
    ]);
  });

  it('reports an unknown node type with a suggestion', () => {
    const doc = basic();
    doc.nodes[1].type = 'fliter';
    expect(issues(doc)).toEqual([
      { code: 'unknown-node-type', path: 'nodes[1].type', nodeId: 'hot', message: 'unknown node type "fliter" (did you mean filter?)' },
    ]);
  });

  it('lists the node types when no suggestion fits', () => {
    const doc = basic();
    doc.nodes[1].type = 'enrich';
    expect(issues(doc)[0].message).toBe('unknown node type "enrich": use one of source, filter, map, flatMap, selectKey, branch, sink');
    delete doc.nodes[1].type;
    expect(issues(doc)[0]).toMatchObject({ path: 'nodes[1].type', message: 'type is required: one of source, filter, map, flatMap, selectKey, branch, sink' });
  });

  it('reports missing config with the node id', () => {
    const doc = basic();
    doc.nodes[1].config = {};
    expect(issues(doc)).toEqual([{ code: 'required', path: 'nodes[1].config.expression', nodeId: 'hot', message: 'expression is required' }]);
    delete doc.nodes[1].config;
    expect(issues(doc)).toEqual([{ code: 'required', path: 'nodes[1].config', nodeId: 'hot', message: 'config is required' }]);
  });

  it('reports a bad enum value with the options and a suggestion', () => {
    const doc = basic();
    doc.nodes[0].config = { topic: 'in', format: 'xml', startFrom: 'earlist' };
    expect(issues(doc)).toEqual([
      { code: 'invalid-value', path: 'nodes[0].config.format', nodeId: 'raw', message: 'format must be one of "json", "string", "bytes", not "xml"' },
      {
        code: 'invalid-value',
        path: 'nodes[0].config.startFrom',
        nodeId: 'raw',
        message: 'startFrom must be one of "earliest", "latest", not "earlist" (did you mean earliest?)',
      },
    ]);
  });

  it('reports unknown config fields with a suggestion or the accepted fields', () => {
    const doc = basic();
    doc.nodes[2].config = { topic: 'out', formt: 'json', partitions: 3 };
    expect(issues(doc)).toEqual([
      { code: 'unknown-field', path: 'nodes[2].config.formt', nodeId: 'out', message: 'unknown field "formt" (did you mean format?)' },
      {
        code: 'unknown-field',
        path: 'nodes[2].config.partitions',
        nodeId: 'out',
        message: 'unknown field "partitions": the fields here are topic, format, keyFormat, compression',
      },
    ]);
  });

  it('reports wrong value types', () => {
    const doc = basic();
    doc.nodes[1].position = { x: 'left', y: 0 };
    doc.nodes[1].onError = 'ignore';
    expect(issues(doc)).toEqual([
      { code: 'invalid-type', path: 'nodes[1].position.x', nodeId: 'hot', message: 'x must be a number, not "left"' },
      {
        code: 'invalid-value',
        path: 'nodes[1].onError',
        nodeId: 'hot',
        message: 'onError must be one of "dead-letter", "skip", "stop", not "ignore"',
      },
    ]);
  });

  it('reports a node that is not an object, and nodes that are not a list', () => {
    const doc = basic();
    doc.nodes.push(5 as unknown as Record<string, unknown>);
    expect(issues(doc)).toEqual([{ code: 'invalid-type', path: 'nodes[3]', message: 'each entry of nodes must be an object, not 5' }]);
    expect(issues({ ...basic(), nodes: {} })).toEqual([{ code: 'invalid-type', path: 'nodes', message: 'nodes must be a list, not an object' }]);
  });

  it('reports edge fields with the edge id', () => {
    const doc = basic();
    doc.edges[1].target = '';
    expect(issues(doc)).toContainEqual({
      code: 'invalid-value',
      path: 'edges[1].target',
      edgeId: 'e2',
      message: 'edge target is required: the id of the node it enters',
    });
  });

  it('reports branch predicate names at their path', () => {
    const doc = basic();
    doc.nodes[1] = {
      id: 'split',
      type: 'branch',
      config: { predicates: [{ name: 'a', expression: 'true' }, { name: 'a', expression: 'false' }] },
    };
    doc.edges = [
      { id: 'e1', source: 'raw', target: 'split' },
      { id: 'e2', source: 'split', sourceHandle: 'a', target: 'out' },
    ];
    expect(issues(doc)).toEqual([
      {
        code: 'invalid-value',
        path: 'nodes[1].config.predicates[1].name',
        nodeId: 'split',
        message: 'duplicate output name "a" (also predicates[0]): names must be unique',
      },
    ]);
  });

  it('reports unknown settings', () => {
    expect(issues({ ...basic(), settings: { consumerGroupId: 'g' } })).toEqual([
      { code: 'unknown-field', path: 'settings.consumerGroupId', message: 'unknown field "consumerGroupId" (did you mean consumerGroup?)' },
    ]);
  });

  it('reports shape, expression and wiring problems together', () => {
    const doc = basic();
    doc.nodes[0].config = { topic: 'in', format: 'yaml' };
    doc.nodes[1].config = { expression: 'value.t >' };
    doc.edges[1].target = 'outt';
    expect(issues(doc).map((i) => i.code)).toEqual(['invalid-value', 'expression', 'missing-node', 'dead-end', 'not-fed']);
    expect(issues(doc).slice(3).map((i) => i.nodeId)).toEqual(['hot', 'out']);
  });
});

describe('validatePipeline: limits', () => {
  it('words length limits for people', () => {
    const doc = basic();
    doc.nodes[1].label = 'x'.repeat(201);
    expect(issues({ ...doc, settings: { consumerGroup: '' } })).toEqual([
      { code: 'invalid-value', path: 'nodes[1].label', nodeId: 'hot', message: 'labels are at most 200 characters' },
      {
        code: 'invalid-value',
        path: 'settings.consumerGroup',
        message: 'consumerGroup cannot be empty: leave it out to use sluice-<pipeline id>',
      },
    ]);
  });
});
