import type { NodeLowering, Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import type { StreamRecord } from '../record.js';
import { SerdeError, serdeFor, type Serde } from '../serdes/index.js';
import { DecodedRecord } from './source-node.js';

/** Exit of a topology: writes key and value in the sink's formats and hands them to the collector. */
export class SinkNode implements Processor {
  private context!: ProcessorContext;

  constructor(
    private readonly topic: string,
    private readonly keySerde: Serde,
    private readonly valueSerde: Serde,
  ) {}

  init(context: ProcessorContext): void {
    this.context = context;
  }

  process(record: StreamRecord): void {
    // An unchanged record in its source's formats: the consumed bytes are already the encoding.
    const decoded = record instanceof DecodedRecord ? record : undefined;
    this.context.produce({
      topic: this.topic,
      key: decoded?.keySerde === this.keySerde ? decoded.consumed.key : write(this.keySerde, record.key, 'key'),
      value: decoded?.valueSerde === this.valueSerde ? decoded.consumed.value : write(this.valueSerde, record.value, 'value'),
      headers: record.headers,
      timestamp: record.timestamp,
    });
  }

  static supplier(topic: string, keySerde: Serde, valueSerde: Serde): ProcessorSupplier {
    return () => new SinkNode(topic, keySerde, valueSerde);
  }
}

function write(serde: Serde, value: unknown, part: 'key' | 'value'): Buffer | null {
  try {
    return serde.serialize(value);
  } catch (err) {
    if (err instanceof SerdeError) throw new SerdeError(`record ${part} for the ${serde.format} format: ${err.message}`);
    throw err;
  }
}

/** A pipeline `sink` node: writes its topic in the node's formats. */
export const lowerSink: NodeLowering<'sink'> = (node, at) => {
  const { topic, format, keyFormat, compression } = node.config;
  at.sink({ topic, keySerde: serdeFor(keyFormat), valueSerde: serdeFor(format), compression: compression ?? 'none' });
};
