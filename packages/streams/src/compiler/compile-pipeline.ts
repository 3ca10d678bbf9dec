import {
  compileExpression,
  deadLetterTopicOf,
  type CompiledExpression,
  type ExpressionKind,
  type Pipeline,
  type PipelineNode,
} from '@sluice/topology';
import type { ProcessorSupplier } from '../processor/index.js';
import {
  BranchProcessor,
  DEFAULT_BRANCH,
  FilterProcessor,
  FlatMapValuesProcessor,
  MapValuesProcessor,
  SelectKeyProcessor,
} from '../processors/index.js';
import type { StreamRecord } from '../record.js';
import { serdeFor } from '../serdes/index.js';
import { TopologyBuilder, type ParentRef, type Topology } from '../topology/index.js';
import { PipelineCompileError } from './errors.js';
import { inTopologicalOrder } from './topological-order.js';

/**
 * Lowers a validated pipeline to a topology: node ids become node names, edge ids edge ids (so
 * metrics line up with the canvas), and every CEL expression is compiled once, here.
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
      addNode(builder, pipeline, node, parents.get(node.id) ?? [], at);
    } catch (err) {
      if (err instanceof PipelineCompileError) throw err;
      throw new PipelineCompileError(`${at} (node "${node.id}"): ${(err as Error).message}`);
    }
  }
  return builder.build();
}

function addNode(builder: TopologyBuilder, pipeline: Pipeline, node: PipelineNode, parents: ParentRef[], at: string): void {
  const errors = { onError: node.onError, deadLetterTopic: deadLetterTopicOf(pipeline, node) };
  switch (node.type) {
    case 'source': {
      const { topic, format, keyFormat, startFrom } = node.config;
      builder.addSource(node.id, { topic, keySerde: serdeFor(keyFormat), valueSerde: serdeFor(format), startFrom, ...errors });
      return;
    }
    case 'sink': {
      const { topic, format, keyFormat, compression } = node.config;
      builder.addSink(node.id, { topic, keySerde: serdeFor(keyFormat), valueSerde: serdeFor(format), compression: compression ?? 'none', ...errors }, parents);
      return;
    }
    case 'filter': {
      const test = compile(node.config.expression, 'bool', `${at}.config.expression`, node.id);
      builder.addProcessor(node.id, FilterProcessor.supplier((r) => test.evaluate(r)) as ProcessorSupplier, parents, errors);
      return;
    }
    case 'map': {
      const map = compile(node.config.expression, 'value', `${at}.config.expression`, node.id);
      builder.addProcessor(node.id, MapValuesProcessor.supplier((r: StreamRecord) => map.evaluate(r)) as ProcessorSupplier, parents, errors);
      return;
    }
    case 'flatMap': {
      const list = compile(node.config.expression, 'list', `${at}.config.expression`, node.id);
      builder.addProcessor(node.id, FlatMapValuesProcessor.supplier((r: StreamRecord) => list.evaluate(r)) as ProcessorSupplier, parents, errors);
      return;
    }
    case 'selectKey': {
      const key = compile(node.config.expression, 'value', `${at}.config.expression`, node.id);
      builder.addProcessor(node.id, SelectKeyProcessor.supplier((r: StreamRecord) => key.evaluate(r)) as ProcessorSupplier, parents, errors);
      return;
    }
    case 'branch': {
      const branches = node.config.predicates.map((p, i) => {
        const test = compile(p.expression, 'bool', `${at}.config.predicates[${i}].expression`, node.id);
        return { name: p.name, predicate: (r: StreamRecord) => test.evaluate(r) };
      });
      const outputs = [...branches.map((b) => b.name), DEFAULT_BRANCH];
      builder.addProcessor(node.id, BranchProcessor.supplier(branches) as ProcessorSupplier, parents, { ...errors, outputs });
      return;
    }
    default: {
      const unknown: { type: string } = node;
      throw new PipelineCompileError(`${at}.type: node type "${unknown.type}" is not supported by this runtime`);
    }
  }
}

function compile<K extends ExpressionKind>(source: string, kind: K, path: string, nodeId: string): CompiledExpression<K> {
  const result = compileExpression(source, kind);
  if (result.ok) return result.expression;
  throw new PipelineCompileError(`${path} (node "${nodeId}"): ${result.error.message}`);
}
