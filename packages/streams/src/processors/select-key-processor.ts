import type { NodeLowering, Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import { withKey, type StreamRecord } from '../record.js';

export type KeySelector<K, V, KOut> = (record: StreamRecord<K, V>) => KOut;

/** Gives each record a new key (so the sink's partitioner routes it by that key). */
export class SelectKeyProcessor<K, V, KOut> implements Processor<K, V, KOut, V> {
  private context!: ProcessorContext<KOut, V>;

  constructor(private readonly selector: KeySelector<K, V, KOut>) {}

  init(context: ProcessorContext<KOut, V>): void {
    this.context = context;
  }

  process(record: StreamRecord<K, V>): void {
    this.context.forward(withKey(record, this.selector(record)));
  }

  static supplier<K, V, KOut>(selector: KeySelector<K, V, KOut>): ProcessorSupplier<K, V, KOut, V> {
    return () => new SelectKeyProcessor(selector);
  }
}

/** A pipeline `selectKey` node: the expression's result is the new key. */
export const lowerSelectKey: NodeLowering<'selectKey'> = (node, at) => {
  const key = at.expression(node.config.expression, 'value', 'config.expression');
  at.processor(SelectKeyProcessor.supplier((r: StreamRecord) => key.evaluate(r)) as ProcessorSupplier);
};
