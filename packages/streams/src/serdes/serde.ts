/** Record formats of the pipeline JSON, for key and value separately. */
export type Format = 'json' | 'string' | 'bytes';

export const FORMATS: readonly Format[] = ['json', 'string', 'bytes'];

/** Turns values into Kafka bytes and back. `null` stays `null` (a tombstone or a missing key). */
export interface Serde<T = unknown> {
  readonly format: Format;
  serialize(value: T): Buffer | null;
  deserialize(bytes: Buffer | null): T;
}

/** A value that its format cannot read or write; the node that hit it reports it as its error. */
export class SerdeError extends Error {
  override readonly name = 'SerdeError';
}
