import { describeValue } from '../describe-value.js';
import type { NodeLowering, Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import { withValue, type StreamRecord } from '../record.js';

export type ValuesMapper<K, V, VOut> = (record: StreamRecord<K, V>) => Iterable<VOut> | unknown;

/** Turns each record into zero or more records, one per element of the returned list. */
export class FlatMapValuesProcessor<K, V, VOut> implements Processor<K, V, K, VOut> {
  private context!: ProcessorContext<K, VOut>;

  constructor(private readonly mapper: ValuesMapper<K, V, VOut>) {}

  init(context: ProcessorContext<K, VOut>): void {
    this.context = context;
  }

  process(record: StreamRecord<K, V>): void {
    const values = this.mapper(record);
    if (!isIterable(values)) throw new Error(`flatMap returned ${describeValue(values)}; it must return a list`);
    // Collect first, so a list that fails half-way emits nothing rather than a partial result.
    const all = Array.isArray(values) ? (values as VOut[]) : [...(values as Iterable<VOut>)];
    for (const value of all) this.context.forward(withValue(record, value));
  }

  static supplier<K, V, VOut>(mapper: ValuesMapper<K, V, VOut>): ProcessorSupplier<K, V, K, VOut> {
    return () => new FlatMapValuesProcessor(mapper);
  }
}

function isIterable(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Buffer.isBuffer(value) &&
    !(value instanceof Map) &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}

/** A pipeline `flatMap` node: one record per element of the expression's list. */
export const lowerFlatMap: NodeLowering<'flatMap'> = (node, at) => {
  const list = at.expression(node.config.expression, 'list', 'config.expression');
  at.processor(FlatMapValuesProcessor.supplier((r: StreamRecord) => list.evaluate(r)) as ProcessorSupplier);
};
