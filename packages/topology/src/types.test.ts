import { describe, expectTypeOf, it } from 'vitest';
import type {
  BranchNode,
  Edge,
  ExpressionValue,
  FilterNode,
  NodeType,
  Pipeline,
  PipelineNode,
  SourceNode,
  ValidationIssue,
} from './index.js';
import { validatePipeline } from './index.js';
import { compileExpression, evaluate } from './runtime.js';

// Checked by `tsc -p tsconfig.json`: the public types say what the schema says.
describe('public types', () => {
  it('narrows nodes by type', () => {
    // The schema's union is built from the registry: every registered type, and nothing else.
    expectTypeOf<PipelineNode['type']>().toEqualTypeOf<NodeType>();
    expectTypeOf<FilterNode['config']>().toEqualTypeOf<{ expression: string }>();
    expectTypeOf<SourceNode['config']['startFrom']>().toEqualTypeOf<'earliest' | 'latest'>();
    expectTypeOf<BranchNode['config']['predicates']>().toEqualTypeOf<{ name: string; expression: string }[]>();
    expectTypeOf<PipelineNode['onError']>().toEqualTypeOf<'dead-letter' | 'skip' | 'stop'>();
    expectTypeOf<Edge>().toEqualTypeOf<{
      id: string;
      source: string;
      target: string;
      sourceHandle?: string | null | undefined;
      targetHandle?: string | null | undefined;
    }>();
  });

  it('types results by expression kind', () => {
    const filter = compileExpression('true', 'bool');
    const map = compileExpression('value', 'value');
    const list = compileExpression('[1]', 'list');
    const record = { key: null, value: null, topic: 't', partition: 0, offset: 0, timestamp: 0 };
    if (filter.ok) expectTypeOf(evaluate(filter.expression, record)).toEqualTypeOf<boolean>();
    if (map.ok) expectTypeOf(evaluate(map.expression, record)).toEqualTypeOf<ExpressionValue>();
    if (list.ok) expectTypeOf(evaluate(list.expression, record)).toEqualTypeOf<ExpressionValue[]>();
  });

  it('types the validation result', () => {
    const result = validatePipeline({});
    if (result.ok) expectTypeOf(result.pipeline).toEqualTypeOf<Pipeline>();
    else expectTypeOf(result.issues).toEqualTypeOf<ValidationIssue[]>();
  });
});
