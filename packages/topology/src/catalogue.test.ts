import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { catalogue, createNode, nodeTypeInfo, outputsOf, summarizeNode } from './catalogue.js';
import { NODE_REGISTRY, NODE_TYPES } from './nodes/index.js';
import { pipelineNodeSchema, type PipelineNode } from './pipeline.js';

const unionTypes = pipelineNodeSchema.options.map((option) => option.shape.type.value);

describe('catalogue', () => {
  it('has an entry for every node type in the schema, and nothing else', () => {
    expect(catalogue.nodeTypes.map((t) => t.type).sort()).toEqual([...unionTypes].sort());
    expect(unionTypes).toEqual(NODE_TYPES);
  });

  it.each(NODE_TYPES.map((type) => [type, NODE_REGISTRY[type]] as const))('%s: fields match the config schema', (_, definition) => {
    const config: z.ZodType = definition.schema.shape.config;
    if (!(config instanceof z.ZodObject)) throw new Error(`${definition.type}: config is not an object schema`);
    const schemaKeys = Object.keys(config.shape).sort();
    expect(definition.info.fields.map((f) => f.name).sort()).toEqual(schemaKeys);
  });

  it.each(NODE_TYPES.map((type) => [type] as const))('%s: a freshly created node has the schema defaults', (type) => {
    const created = createNode(type, 'n1', { x: 5, y: 6 });
    const parsed = pipelineNodeSchema.safeParse(created);
    if (type === 'source' || type === 'sink') {
      // Topics start empty: the person picks one.
      expect(parsed.success).toBe(false);
      const withTopic = pipelineNodeSchema.parse({ ...created, config: { ...(created.config as object), topic: 't' } });
      for (const field of nodeTypeInfo(type).fields) {
        if (field.default !== undefined) expect(withTopic.config).toHaveProperty(field.name, field.default);
      }
    } else {
      expect(parsed.success).toBe(true);
    }
    expect(created).toMatchObject({ id: 'n1', type, position: { x: 5, y: 6 } });
  });

  it('declares inputs and outputs per kind', () => {
    expect(nodeTypeInfo('source')).toMatchObject({ category: 'Sources', inputs: { min: 0, max: 0 }, outputs: 'single' });
    expect(nodeTypeInfo('filter')).toMatchObject({ category: 'Processors', inputs: { min: 1, max: null }, outputs: 'single' });
    expect(nodeTypeInfo('branch')).toMatchObject({ outputs: 'per-predicate' });
    expect(nodeTypeInfo('sink')).toMatchObject({ category: 'Sinks', inputs: { min: 1, max: null }, outputs: 'none' });
  });

  it('gives every field a label and help text', () => {
    for (const info of catalogue.nodeTypes) {
      expect(info.label).not.toBe('');
      expect(info.description).not.toBe('');
      for (const field of info.fields) {
        expect(field.label, `${info.type}.${field.name}`).not.toBe('');
        expect(field.help, `${info.type}.${field.name}`).not.toBe('');
      }
    }
  });

  it('lists onError modes and expression variables', () => {
    expect(catalogue.onError.options.map((o) => o.value)).toEqual(['dead-letter', 'skip', 'stop']);
    expect(catalogue.expressionVariables.map((v) => v.name)).toEqual(['key', 'value', 'headers', 'topic', 'partition', 'offset', 'timestamp']);
  });
});

describe('outputsOf', () => {
  const node = (n: unknown) => pipelineNodeSchema.parse(n) as PipelineNode;

  it('gives a sink no outputs and a processor one unnamed output', () => {
    expect(outputsOf(node({ id: 's', type: 'sink', config: { topic: 't' } }))).toEqual([]);
    expect(outputsOf(node({ id: 'f', type: 'filter', config: { expression: 'true' } }))).toEqual([{ handle: null, label: 'out' }]);
    expect(outputsOf(node({ id: 'r', type: 'source', config: { topic: 't' } }))).toEqual([{ handle: null, label: 'out' }]);
  });

  it('gives a branch one output per predicate, then default', () => {
    const branch = node({
      id: 'b',
      type: 'branch',
      config: { predicates: [{ name: 'hot', expression: 'true' }, { name: 'cold', expression: 'false' }] },
    });
    expect(outputsOf(branch).map((o) => o.handle)).toEqual(['hot', 'cold', 'default']);
  });
});

describe('summarizeNode', () => {
  it('names the topic of sources and sinks, the expression of the rest, and the outputs of a branch', () => {
    expect(summarizeNode('source', { topic: 'raw' })).toBe('from raw');
    expect(summarizeNode('sink', {})).toBe('no topic yet');
    expect(summarizeNode('filter', { expression: 'value.t\n  > 40.0' })).toBe('value.t > 40.0');
    expect(summarizeNode('map', { expression: 'x'.repeat(60) })).toBe(`${'x'.repeat(47)}…`);
    expect(summarizeNode('branch', { predicates: [{ name: 'a', expression: 'true' }] })).toBe('1 output + default');
  });

  it.each(NODE_TYPES.map((type) => [type] as const))('%s: summarises a fresh node without throwing', (type) => {
    expect(summarizeNode(type, createNode(type, 'n').config as Record<string, unknown>)).not.toBe('');
  });
});
