import type { NodeLowering, Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import { withValue, type StreamRecord } from '../record.js';

export type ValueMapper<K, V, VOut> = (record: StreamRecord<K, V>) => VOut;

/** Replaces each record's value; key, headers and timestamp stay. */
export class MapValuesProcessor<K, V, VOut> implements Processor<K, V, K, VOut> {
  private context!: ProcessorContext<K, VOut>;

  constructor(private readonly mapper: ValueMapper<K, V, VOut>) {}

  init(context: ProcessorContext<K, VOut>): void {
    this.context = context;
  }

  process(record: StreamRecord<K, V>): void {
    this.context.forward(withValue(record, this.mapper(record)));
  }

  static supplier<K, V, VOut>(mapper: ValueMapper<K, V, VOut>): ProcessorSupplier<K, V, K, VOut> {
    return () => new MapValuesProcessor(mapper);
  }
}

/** A pipeline `map` node: the expression's result is the new value. */
export const lowerMap: NodeLowering<'map'> = (node, at) => {
  const map = at.expression(node.config.expression, 'value', 'config.expression');
  at.processor(MapValuesProcessor.supplier((r: StreamRecord) => map.evaluate(r)) as ProcessorSupplier);
};
