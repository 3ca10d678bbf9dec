import type { ExpressionKind, NodeOfType, NodeType } from '@sluice/topology';
import type { CompiledExpression } from '@sluice/topology/runtime';
import type { Serde } from '../serdes/index.js';
import type { ProcessorSupplier } from './processor.js';

/**
 * What lowering one pipeline node may do: add its one node to the topology, wired to its parents
 * with its error policy (the compiler fills both in), and compile its expressions.
 */
export interface LoweringContext {
  /** Compiles a CEL expression found at `field` of the node ("config.expression"); a bad one fails the compile naming both. */
  expression<K extends ExpressionKind>(source: string, kind: K, field: string): CompiledExpression<K>;
  source(options: { topic: string; keySerde: Serde; valueSerde: Serde; startFrom: 'earliest' | 'latest' }): void;
  sink(options: { topic: string; keySerde: Serde; valueSerde: Serde; compression: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd' }): void;
  /** A processor; `outputs` names its outputs when it has several (edges then name one). */
  processor(supplier: ProcessorSupplier, outputs?: readonly string[]): void;
}

/** Turns one pipeline node of type T into its part of a topology. */
export type NodeLowering<T extends NodeType> = (node: NodeOfType<T>, at: LoweringContext) => void;

/** One lowering per node type: a type without one is a compile error here, not a runtime surprise. */
export type NodeLowerings = { readonly [T in NodeType]: NodeLowering<T> };
