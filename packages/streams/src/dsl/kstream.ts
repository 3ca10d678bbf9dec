import { DEFAULT_BRANCH_OUTPUT } from '@sluice/topology';
import type { Processor, ProcessorSupplier } from '../processor/index.js';
import {
  BranchProcessor,
  FilterProcessor,
  FlatMapValuesProcessor,
  MapValuesProcessor,
  PassThroughProcessor,
  SelectKeyProcessor,
} from '../processors/index.js';
import type { StreamRecord } from '../record.js';
import type { NodeOptions, ParentRef } from '../topology/index.js';
import { errorOptions, toSerde, type DslBuilder, type Named, type ToOptions } from './options.js';

export interface Branch<N extends string, K, V> {
  readonly name: N;
  readonly predicate: (record: StreamRecord<K, V>) => boolean;
}

/** One stream per branch name, plus `default` for records no predicate took. */
export type BranchedStreams<N extends string, K, V> = { readonly [P in N | 'default']: KStream<K, V> };

/** A stream of records in the DSL: every operation adds a node and returns the stream after it. */
export class KStream<K, V> {
  constructor(
    private readonly builder: DslBuilder,
    private readonly nodeName: string,
    private readonly output?: string,
  ) {}

  filter(predicate: (record: StreamRecord<K, V>) => boolean, named?: Named): KStream<K, V> {
    return this.add('filter', FilterProcessor.supplier(predicate) as ProcessorSupplier, named);
  }

  mapValues<VOut>(mapper: (record: StreamRecord<K, V>) => VOut, named?: Named): KStream<K, VOut> {
    return this.add('map', MapValuesProcessor.supplier(mapper) as ProcessorSupplier, named);
  }

  flatMapValues<VOut>(mapper: (record: StreamRecord<K, V>) => Iterable<VOut>, named?: Named): KStream<K, VOut> {
    return this.add('flat-map', FlatMapValuesProcessor.supplier(mapper) as ProcessorSupplier, named);
  }

  selectKey<KOut>(selector: (record: StreamRecord<K, V>) => KOut, named?: Named): KStream<KOut, V> {
    return this.add('select-key', SelectKeyProcessor.supplier(selector) as ProcessorSupplier, named);
  }

  /** Routes each record to the first branch whose predicate is true, else to `default`. */
  branch<const N extends string>(branches: readonly Branch<N, K, V>[], named?: Named): BranchedStreams<N, K, V> {
    const supplier = BranchProcessor.supplier(branches) as ProcessorSupplier;
    const outputs = [...branches.map((b) => b.name), DEFAULT_BRANCH_OUTPUT];
    const name = this.addNode('branch', supplier, named, { outputs });
    const streams: Record<string, KStream<K, V>> = {};
    for (const output of outputs) streams[output] = new KStream<K, V>(this.builder, name, output);
    return streams as BranchedStreams<N, K, V>;
  }

  /** One stream of the records of both: a node with two parents. */
  merge(other: KStream<K, V>, named?: Named): KStream<K, V> {
    const name = this.builder.nameFor('merge', named);
    this.builder.topology.addProcessor(name, PassThroughProcessor.supplier(), [this.parentRef(), other.parentRef()], errorOptions(named));
    return new KStream<K, V>(this.builder, name);
  }

  /** Adds a custom processor; `supplier` must return a fresh processor on every call. */
  process<KOut = K, VOut = V>(supplier: () => Processor<K, V, KOut, VOut>, named?: Named): KStream<KOut, VOut> {
    return this.add('process', supplier as ProcessorSupplier, named);
  }

  /** Writes the stream to `topic`; key format defaults to `string`, value format to `json`. */
  to(topic: string, options: ToOptions = {}): void {
    const name = this.builder.nameFor('sink', options.name);
    this.builder.topology.addSink(
      name,
      { topic, keySerde: toSerde(options.keySerde ?? 'string'), valueSerde: toSerde(options.valueSerde ?? 'json') },
      [this.parentRef()],
    );
  }

  private add<KOut, VOut>(kind: string, supplier: ProcessorSupplier, named: Named | undefined): KStream<KOut, VOut> {
    return new KStream<KOut, VOut>(this.builder, this.addNode(kind, supplier, named, {}));
  }

  private addNode(kind: string, supplier: ProcessorSupplier, named: Named | undefined, options: NodeOptions): string {
    const name = this.builder.nameFor(kind, named);
    this.builder.topology.addProcessor(name, supplier, [this.parentRef()], { ...options, ...errorOptions(named) });
    return name;
  }

  private parentRef(): ParentRef {
    return this.output === undefined ? this.nodeName : { node: this.nodeName, output: this.output };
  }
}
