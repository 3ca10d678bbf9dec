import { deadLetterTopicOf, type ExpressionKind, type NodeOfType, type NodeType, type Pipeline } from '@sluice/topology';
import { compileExpression, type CompiledExpression } from '@sluice/topology/runtime';
import type { LoweringContext } from '../processor/index.js';
import { NODE_PROCESSORS } from '../processors/index.js';
import { TopologyBuilder, type ParentRef, type Topology } from '../topology/index.js';
import { PipelineCompileError } from './errors.js';
import { inTopologicalOrder } from './topological-order.js';

/**
 * Lowers a validated pipeline to a topology: node ids become node names, edge ids edge ids (so
 * metrics line up with the canvas), and every CEL expression is compiled once, here. How each
 * node type lowers is NODE_PROCESSORS'.
 */
export function compilePipeline(pipeline: Pipeline): Topology {
  const builder = new TopologyBuilder(pipeline.name);
  const parents = new Map<string, ParentRef[]>();
  for (const edge of pipeline.edges) {
    const ref: ParentRef = { node: edge.source, edgeId: edge.id, ...(edge.sourceHandle ? { output: edge.sourceHandle } : {}) };
    let list = parents.get(edge.target);
    if (!list) parents.set(edge.target, (list = []));
    list.push(ref);
  }
  const indexOf = new Map(pipeline.nodes.map((node, index) => [node.id, index]));
  for (const node of inTopologicalOrder(pipeline)) {
    const at = `nodes[${indexOf.get(node.id)}]`;
    try {
      lower(node, lowering(builder, pipeline, node, parents.get(node.id) ?? [], at), at);
    } catch (err) {
      if (err instanceof PipelineCompileError) throw err;
      throw new PipelineCompileError(`${at} (node "${node.id}"): ${(err as Error).message}`);
    }
  }
  return builder.build();
}

function lower<T extends NodeType>(node: NodeOfType<T>, context: LoweringContext, at: string): void {
  const lowerNode = NODE_PROCESSORS[node.type as T] as (typeof NODE_PROCESSORS)[T] | undefined;
  if (lowerNode === undefined) {
    throw new PipelineCompileError(`${at}.type: node type "${node.type}" is not supported by this runtime`);
  }
  lowerNode(node, context);
}

function lowering(
  builder: TopologyBuilder,
  pipeline: Pipeline,
  node: Pipeline['nodes'][number],
  parents: ParentRef[],
  at: string,
): LoweringContext {
  const errors = { onError: node.onError, deadLetterTopic: deadLetterTopicOf(pipeline, node) };
  return {
    expression: <K extends ExpressionKind>(source: string, kind: K, field: string): CompiledExpression<K> => {
      const result = compileExpression(source, kind);
      if (result.ok) return result.expression;
      throw new PipelineCompileError(`${at}.${field} (node "${node.id}"): ${result.error.message}`);
    },
    source: (options) => void builder.addSource(node.id, { ...options, ...errors }),
    sink: (options) => void builder.addSink(node.id, { ...options, ...errors }, parents),
    processor: (supplier, outputs) => void builder.addProcessor(node.id, supplier, parents, outputs ? { ...errors, outputs } : errors),
  };
}
