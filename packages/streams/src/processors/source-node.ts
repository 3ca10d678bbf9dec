import type { Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import { withKeyValue, type ConsumedRecord } from '../record.js';
import { SerdeError, type Serde } from '../serdes/index.js';

/** Entry of a topology: reads the consumed bytes through the source's key and value formats. */
export class SourceNode implements Processor<Buffer | null, Buffer | null> {
  private context!: ProcessorContext;

  constructor(
    private readonly keySerde: Serde,
    private readonly valueSerde: Serde,
  ) {}

  init(context: ProcessorContext): void {
    this.context = context;
  }

  process(record: ConsumedRecord): void {
    this.context.forward(withKeyValue(record, read(this.keySerde, record.key, 'key'), read(this.valueSerde, record.value, 'value')));
  }

  static supplier(keySerde: Serde, valueSerde: Serde): ProcessorSupplier<Buffer | null, Buffer | null> {
    return () => new SourceNode(keySerde, valueSerde) as Processor<Buffer | null, Buffer | null>;
  }
}

function read(serde: Serde, bytes: Buffer | null, part: 'key' | 'value'): unknown {
  try {
    return serde.deserialize(bytes);
  } catch (err) {
    if (err instanceof SerdeError) throw new SerdeError(`record ${part} is ${err.message}`);
    throw err;
  }
}
