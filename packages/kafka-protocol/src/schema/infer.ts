import type { FieldSchema, MessageSchema } from './dsl.js';

// Value types inferred from the declarations, so handlers never maintain parallel interfaces.
// `MessageData` is what decode() returns: every field present (absent ones hold their default).
// `MessageInput` is what encode() accepts: fields that exist in every version ("0+") and have no
// default are required, the rest optional; records may be a Buffer or a list of Buffers.

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ScalarData<T> = T extends 'int8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'float64'
  ? number
  : T extends 'int64'
    ? bigint
    : T extends 'bool'
      ? boolean
      : T extends 'string' | 'uuid'
        ? string
        : T extends 'bytes' | 'records'
          ? Buffer
          : never;

type ScalarInput<T> = T extends 'records' | 'bytes'
  ? Buffer | readonly Buffer[]
  : T extends 'int64'
    ? bigint | number
    : ScalarData<T>;

type NullIf<F> = F extends { readonly nullableVersions: string } ? null : never;

export type FieldData<F extends FieldSchema> = NullIf<F> |
  (F extends { readonly fields: infer Fs extends readonly FieldSchema[] }
    ? F['type'] extends `[]${string}`
      ? StructData<Fs>[]
      : StructData<Fs>
    : F['type'] extends `[]${infer E}`
      ? ScalarData<E>[]
      : ScalarData<F['type']>);

export type FieldInput<F extends FieldSchema> = NullIf<F> |
  (F extends { readonly fields: infer Fs extends readonly FieldSchema[] }
    ? F['type'] extends `[]${string}`
      ? readonly StructInput<Fs>[]
      : StructInput<Fs>
    : F['type'] extends `[]${infer E}`
      ? readonly ScalarInput<E>[]
      : ScalarInput<F['type']>);

export type StructData<Fs extends readonly FieldSchema[]> = Simplify<{
  -readonly [F in Fs[number] as F['name']]: FieldData<F>;
}>;

type IsRequired<F extends FieldSchema> = F extends { readonly default: unknown }
  ? false
  : F extends { readonly taggedVersions: string }
    ? false
    : F['versions'] extends '0+'
      ? true
      : false;

export type StructInput<Fs extends readonly FieldSchema[]> = Simplify<
  { readonly [F in Fs[number] as IsRequired<F> extends true ? F['name'] : never]: FieldInput<F> } & {
    readonly [F in Fs[number] as IsRequired<F> extends true ? never : F['name']]?: FieldInput<F>;
  }
>;

export type MessageData<S extends MessageSchema> = StructData<S['fields']>;
export type MessageInput<S extends MessageSchema> = StructInput<S['fields']>;
