import type { OnError } from '../processor/index.js';
import { serdeFor, type Format, type Serde } from '../serdes/index.js';
import type { StartFrom, TopologyBuilder } from '../topology/index.js';

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

/** What a KStream needs of the builder that made it: the topology, and names for new nodes. */
export interface DslBuilder {
  readonly topology: TopologyBuilder;
  nameFor(kind: string, named: Named | undefined): string;
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
