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
    // Text and byte keys cannot fail to decode, so they are decoded only if a node reads them;
    // JSON keys are decoded here, where a bad one is this node's error.
    const key = this.keySerde.format === 'json' ? read(this.keySerde, record.key, 'key') : NOT_DECODED;
    const value = read(this.valueSerde, record.value, 'value');
    this.context.forward(new DecodedRecord(key, value, record, this.keySerde, this.valueSerde));
  }

  static supplier(keySerde: Serde, valueSerde: Serde): ProcessorSupplier<Buffer | null, Buffer | null> {
    return () => new SourceNode(keySerde, valueSerde) as Processor<Buffer | null, Buffer | null>;
  }
}

const NOT_DECODED: unique symbol = Symbol('not decoded');

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
  private decodedKey: unknown;

  constructor(
    key: unknown,
    readonly value: unknown,
    readonly consumed: ConsumedRecord,
    readonly keySerde: Serde,
    readonly valueSerde: Serde,
  ) {
    this.decodedKey = key;
    this.headers = consumed.headers;
    this.topic = consumed.topic;
    this.partition = consumed.partition;
    this.offset = consumed.offset;
    this.timestamp = consumed.timestamp;
  }

  get key(): unknown {
    if (this.decodedKey === NOT_DECODED) this.decodedKey = this.keySerde.deserialize(this.consumed.key);
    return this.decodedKey;
  }
}
