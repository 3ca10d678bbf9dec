import { describe, expect, it } from 'vitest';
import { validatePipeline } from './validate.js';
import type { ValidationIssue } from './validation/issue.js';

function withProcessor(processor: Record<string, unknown>): unknown {
  const handle = processor.type === 'branch' ? { sourceHandle: 'default' } : {};
  return {
    schemaVersion: 1,
    name: 'p',
    nodes: [{ id: 'raw', type: 'source', config: { topic: 'in' } }, processor, { id: 'out', type: 'sink', config: { topic: 'out' } }],
    edges: [
      { id: 'e1', source: 'raw', target: processor.id },
      { id: 'e2', source: processor.id, target: 'out', ...handle },
    ],
  };
}

function issues(processor: Record<string, unknown>): ValidationIssue[] {
  const result = validatePipeline(withProcessor(processor));
  return result.ok ? [] : result.issues;
}

describe('validatePipeline: expressions', () => {
  it.each([
    ['filter', 'value.temperature > 40 && headers["source"] == "sensor"'],
    ['map', '{"station": value.station, "t": value.temperature * 1.8 + 32}'],
    ['flatMap', 'value.readings.map(r, {"station": key, "t": r})'],
    ['selectKey', 'value.station + "-" + string(partition)'],
  ])('accepts a valid %s expression', (type, expression) => {
    expect(issues({ id: 'n', type, config: { expression } })).toEqual([]);
  });

  it('reports a syntax error with its line and column', () => {
    expect(issues({ id: 'hot', type: 'filter', config: { expression: 'value.temperature >\n  && 3' } })).toEqual([
      {
        code: 'expression',
        path: 'nodes[1].config.expression',
        nodeId: 'hot',
        message: "syntax error at 2:3: unexpected '&&'",
        position: { line: 2, column: 3, offset: 22, length: 2 },
      },
    ]);
  });

  it('reports an undeclared reference with the likely field', () => {
    expect(issues({ id: 'hot', type: 'filter', config: { expression: 'temp > 40' } })).toEqual([
      {
        code: 'expression',
        path: 'nodes[1].config.expression',
        nodeId: 'hot',
        message: "undeclared reference to 'temp' at 1:1 (did you mean value.temp?)",
        position: { line: 1, column: 1, offset: 0, length: 4 },
      },
    ]);
  });

  it('reports a filter whose result cannot be a bool', () => {
    expect(issues({ id: 'hot', type: 'filter', config: { expression: 'size(value.name)' } })).toEqual([
      { code: 'expression', path: 'nodes[1].config.expression', nodeId: 'hot', message: 'expression must return bool, but it returns int' },
    ]);
  });

  it('reports a flatMap whose result cannot be a list', () => {
    expect(issues({ id: 'fm', type: 'flatMap', config: { expression: 'topic' } })[0].message).toBe(
      'expression must return a list, but it returns string',
    );
  });

  it('reports an empty expression', () => {
    expect(issues({ id: 'm', type: 'map', config: { expression: '' } })[0]).toMatchObject({
      path: 'nodes[1].config.expression',
      message: 'expression is empty: write a CEL expression such as value.temperature > 40.0',
    });
  });

  it('reports branch predicates at their own path', () => {
    const config = { predicates: [{ name: 'hot', expression: 'value.t > 40.0' }, { name: 'cold', expression: 'value.t < ' }] };
    expect(issues({ id: 'split', type: 'branch', config })).toEqual([
      {
        code: 'expression',
        path: 'nodes[1].config.predicates[1].expression',
        nodeId: 'split',
        message: 'syntax error at 1:11: the expression ends too early',
        position: { line: 1, column: 11, offset: 10, length: 0 },
      },
    ]);
  });
});
