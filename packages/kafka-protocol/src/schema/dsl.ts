/**
 * The declaration language for Kafka messages, modelled on Kafka's own message JSON schemas
 * (clients/src/main/resources/common/message/*.json). Field names are Kafka's with the first letter
 * lowercased: ErrorCode → errorCode, Topics[].Partitions[].PartitionIndex →
 * topics[].partitions[].partitionIndex.
 */

export type ScalarType =
  | 'int8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'float64'
  | 'bool'
  | 'string'
  | 'bytes'
  | 'records'
  | 'uuid';

/** Literal default values, typed (not Kafka's strings): -1, -1n, null, '', false. */
export type DefaultValue = number | bigint | string | boolean | null;

export interface FieldSchema {
  readonly name: string;
  /**
   * A scalar type, `[]scalar` for an array of scalars, or a struct name (`Topic`, `[]Topic`) for
   * a struct or an array of structs; struct fields then go in `fields`.
   */
  readonly type: string;
  /** Versions the field exists in, e.g. "0+", "3+", "0-4". */
  readonly versions: string;
  readonly nullableVersions?: string;
  /** Versions where the field travels in the tagged-field section, under `tag`. */
  readonly taggedVersions?: string;
  readonly tag?: number;
  /** Value when absent: in versions without the field, or when a tagged field is not sent. */
  readonly default?: DefaultValue;
  /** Only for the request header's clientId: "none" keeps the non-compact encoding. */
  readonly flexibleVersions?: 'none';
  readonly fields?: readonly FieldSchema[];
}

export interface MessageSchema {
  readonly name: string;
  readonly apiKey: number;
  readonly type: 'request' | 'response';
  /** Versions declared (and so supported) here; a subset of Kafka's. */
  readonly validVersions: string;
  /** Kafka's flexible range, kept even where it starts above validVersions. */
  readonly flexibleVersions: string;
  readonly fields: readonly FieldSchema[];
}

/** Declares a message; `const` inference keeps the literal shape for the inferred value types. */
export function message<const S extends MessageSchema>(schema: S): S {
  return schema;
}
