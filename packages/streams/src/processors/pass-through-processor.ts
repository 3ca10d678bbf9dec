import type { Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import type { StreamRecord } from '../record.js';

/** Forwards every record unchanged: the DSL's merge node, whose several parents are the merge. */
export class PassThroughProcessor implements Processor {
  private context!: ProcessorContext;

  init(context: ProcessorContext): void {
    this.context = context;
  }

  process(record: StreamRecord): void {
    this.context.forward(record);
  }

  static supplier(): ProcessorSupplier {
    return () => new PassThroughProcessor();
  }
}
