import { TopologyBuilder, type Topology } from '../topology/index.js';
import { KStream } from './kstream.js';
import { errorOptions, toSerde, type DslBuilder, type Named, type StreamOptions } from './options.js';

/**
 * The fluent DSL: `b.stream('raw', {valueSerde: 'json'}).filter(r => …, 'hot').to('out')`, then
 * `b.build()`. Nodes without a name are named `<kind>-<n>` in call order, so the same program
 * always yields the same names.
 */
export class StreamsBuilder implements DslBuilder {
  /** @internal the topology under construction; KStream adds nodes to it. */
  readonly topology: TopologyBuilder;
  private counter = 0;
  private built = false;

  constructor(options: { name?: string } = {}) {
    this.topology = new TopologyBuilder(options.name ?? 'streams');
  }

  stream<K = string | null, V = unknown>(topic: string, options: StreamOptions = {}): KStream<K, V> {
    const name = this.nameFor('source', options);
    this.topology.addSource(name, {
      topic,
      keySerde: toSerde(options.keySerde ?? 'string'),
      valueSerde: toSerde(options.valueSerde ?? 'json'),
      ...(options.startFrom ? { startFrom: options.startFrom } : {}),
      ...errorOptions(options),
    });
    return new KStream<K, V>(this, name);
  }

  build(): Topology {
    if (this.built) throw new Error('this StreamsBuilder was already built; make a new one for another topology');
    this.built = true;
    return this.topology.build();
  }

  /** @internal */
  nameFor(kind: string, named: Named | undefined): string {
    const index = this.counter++;
    const name = typeof named === 'string' ? named : named?.name;
    return name ?? `${kind}-${index}`;
  }
}
