import { undecodableBatchReason } from '@sluice/kafka-codecs';
import type { NodeLowering, Processor, ProcessorContext, ProcessorSupplier } from '../processor/index.js';
import type { ConsumedRecord, RecordHeaders, StreamRecord } from '../record.js';
import { SerdeError, serdeFor, type Serde } from '../serdes/index.js';

/** Entry of a topology: reads the consumed bytes through the source's key and value formats. */
export class SourceNode implements Processor<Buffer | null, Buffer | null> {
  private context!: ProcessorContext;
  private readonly formats: SourceFormats;
  private readonly keyIsJson: boolean;

  constructor(keySerde: Serde, valueSerde: Serde) {
    this.formats = { keySerde, valueSerde };
    this.keyIsJson = keySerde.format === 'json';
  }

  init(context: ProcessorContext): void {
    this.context = context;
  }

  process(record: ConsumedRecord): void {
    // A batch no codec could read arrives as one stand-in record: this source's error, so it is
    // dead-lettered (bytes, offsets, reason) or stops the pipeline, as the node's onError says.
    const undecodable = undecodableBatchReason(record.headers);
    if (undecodable !== undefined) throw new Error(undecodable);
    const { keySerde, valueSerde } = this.formats;
    // Text and byte keys cannot fail to decode, so they are decoded only if a node reads them;
    // JSON keys are decoded here, where a bad one is this node's error.
    const key = this.keyIsJson ? read(keySerde, record.key, 'key') : NOT_DECODED;
    const value = read(valueSerde, record.value, 'value');
    this.context.forward(new DecodedRecord(key, value, record, this.formats));
  }

  static supplier(keySerde: Serde, valueSerde: Serde): ProcessorSupplier<Buffer | null, Buffer | null> {
    return () => new SourceNode(keySerde, valueSerde) as Processor<Buffer | null, Buffer | null>;
  }
}

/** The formats a source reads with, shared by every record it decodes. */
export interface SourceFormats {
  readonly keySerde: Serde;
  readonly valueSerde: Serde;
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
  // One of these is made per consumed record, so it holds only what it adds to the consumed record.
  private decodedKey: unknown;

  constructor(
    key: unknown,
    readonly value: unknown,
    readonly consumed: ConsumedRecord,
    private readonly formats: SourceFormats,
  ) {
    this.decodedKey = key;
  }

  get key(): unknown {
    if (this.decodedKey === NOT_DECODED) this.decodedKey = this.formats.keySerde.deserialize(this.consumed.key);
    return this.decodedKey;
  }

  get headers(): RecordHeaders {
    return this.consumed.headers;
  }

  get topic(): string {
    return this.consumed.topic;
  }

  get partition(): number {
    return this.consumed.partition;
  }

  get offset(): number {
    return this.consumed.offset;
  }

  get timestamp(): number {
    return this.consumed.timestamp;
  }

  get keySerde(): Serde {
    return this.formats.keySerde;
  }

  get valueSerde(): Serde {
    return this.formats.valueSerde;
  }
}

/** A pipeline `source` node: reads its topic in the node's formats. */
export const lowerSource: NodeLowering<'source'> = (node, at) => {
  const { topic, format, keyFormat, startFrom } = node.config;
  at.source({ topic, keySerde: serdeFor(keyFormat), valueSerde: serdeFor(format), startFrom });
};
