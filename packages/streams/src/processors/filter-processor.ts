import { describeValue } from '../describe-value.js';
import type { NodeLowering, Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import type { StreamRecord } from '../record.js';

/** A test on a record; anything but `true` or `false` is an error of the node. */
export type RecordPredicate<K = unknown, V = unknown> = (record: StreamRecord<K, V>) => unknown;

/** Passes on the records for which the predicate is true. */
export class FilterProcessor<K, V> implements Processor<K, V> {
  private context!: ProcessorContext<K, V>;

  constructor(private readonly predicate: RecordPredicate<K, V>) {}

  init(context: ProcessorContext<K, V>): void {
    this.context = context;
  }

  process(record: StreamRecord<K, V>): void {
    const keep = this.predicate(record);
    if (keep === true) this.context.forward(record);
    else if (keep !== false) throw new Error(`filter returned ${describeValue(keep)}; it must return true or false`);
  }

  static supplier<K, V>(predicate: RecordPredicate<K, V>): ProcessorSupplier<K, V> {
    return () => new FilterProcessor(predicate);
  }
}

/** A pipeline `filter` node: keeps the records its expression is true for. */
export const lowerFilter: NodeLowering<'filter'> = (node, at) => {
  const test = at.expression(node.config.expression, 'bool', 'config.expression');
  at.processor(FilterProcessor.supplier((r) => test.evaluate(r)) as ProcessorSupplier);
};
