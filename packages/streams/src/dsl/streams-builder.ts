import type { OnError } from '../processor/index.js';
import { serdeFor, type Format, type Serde } from '../serdes/index.js';
import { TopologyBuilder, type Topology, type StartFrom } from '../topology/index.js';
import { KStream } from './kstream.js';

/** A node name, or a name plus error handling. Unnamed nodes get deterministic generated names. */
export type Named = string | NamedOptions;

export interface NamedOptions {
  readonly name?: string;
  readonly onError?: OnError;
  readonly deadLetterTopic?: string;
}

export interface StreamOptions extends NamedOptions {
  /** A format name or a Serde; default `string`. */
  readonly keySerde?: Format | Serde;
  /** A format name or a Serde; default `json`. */
  readonly valueSerde?: Format | Serde;
  readonly startFrom?: StartFrom;
}

export interface ToOptions {
  readonly name?: string;
  readonly keySerde?: Format | Serde;
  readonly valueSerde?: Format | Serde;
}

/**
 * The fluent DSL: `b.stream('raw', {valueSerde: 'json'}).filter(r => …, 'hot').to('out')`, then
 * `b.build()`. Nodes without a name are named `<kind>-<n>` in call order, so the same program
 * always yields the same names.
 */
export class StreamsBuilder {
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

export function toSerde(serde: Format | Serde): Serde {
  return typeof serde === 'string' ? serdeFor(serde) : serde;
}

export function errorOptions(named: Named | undefined): { onError?: OnError; deadLetterTopic?: string } {
  if (named === undefined || typeof named === 'string') return {};
  return {
    ...(named.onError ? { onError: named.onError } : {}),
    ...(named.deadLetterTopic ? { deadLetterTopic: named.deadLetterTopic } : {}),
  };
}
