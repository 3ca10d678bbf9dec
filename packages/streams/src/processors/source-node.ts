import type { Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import type { ConsumedRecord, RecordHeaders, StreamRecord } from '../record.js';
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
    const key = read(this.keySerde, record.key, 'key');
    const value = read(this.valueSerde, record.value, 'value');
    this.context.forward(new DecodedRecord(key, value, record, this.keySerde, this.valueSerde));
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

/**
 * A record as a source decoded it, remembering its bytes. Nodes that pass a record on unchanged
 * (filter, branch, merge) forward this very object, so a sink writing it in the same formats can
 * reuse the consumed bytes instead of encoding again. Processors treat values as immutable, as in
 * Kafka Streams; changing one means forwarding a new record.
 */
export class DecodedRecord implements StreamRecord {
  readonly headers: RecordHeaders;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;

  constructor(
    readonly key: unknown,
    readonly value: unknown,
    readonly consumed: ConsumedRecord,
    readonly keySerde: Serde,
    readonly valueSerde: Serde,
  ) {
    this.headers = consumed.headers;
    this.topic = consumed.topic;
    this.partition = consumed.partition;
    this.offset = consumed.offset;
    this.timestamp = consumed.timestamp;
  }
}
