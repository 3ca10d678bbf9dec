/** The record an expression runs against, as the runtime has decoded it. */
export interface RecordContext {
  /** The decoded key: a string, JSON value or bytes, per the source key format; null when absent. */
  key: unknown;
  /** The decoded value, per the source format; null for a tombstone. */
  value: unknown;
  /** Header values that are bytes are read as UTF-8. */
  headers?: Readonly<Record<string, string | Uint8Array | null | undefined>>;
  topic: string;
  partition: number;
  /** Kafka clients hand offsets and timestamps over as strings or bigints; all are accepted. */
  offset: number | bigint | string;
  /** Milliseconds since the Unix epoch. */
  timestamp: number | bigint | string;
}

export type VariableName = 'key' | 'value' | 'headers' | 'topic' | 'partition' | 'offset' | 'timestamp';

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The record's variables as CEL sees them (ints as bigint, headers as strings). One frame per
 * compiled expression is refilled for every record rather than building a context object each time;
 * the interpreter reads it as its context and the closure compiler's programs read its fields.
 */
export class RecordFrame {
  value: unknown = null;
  key: unknown = null;
  headers: Readonly<Record<string, string>> = NO_HEADERS;
  topic: unknown = '';
  partition = 0n;
  offset = 0n;
  timestamp = 0n;
}

/** Fills a frame with just the variables an expression mentions (bigints and header decoding cost). */
export class FrameLoader {
  readonly frame = new RecordFrame();
  readonly #key: boolean;
  readonly #headers: boolean;
  readonly #topic: boolean;
  readonly #partition: boolean;
  readonly #offset: boolean;
  readonly #timestamp: boolean;

  constructor(uses: ReadonlySet<VariableName>) {
    this.#key = uses.has('key');
    this.#headers = uses.has('headers');
    this.#topic = uses.has('topic');
    this.#partition = uses.has('partition');
    this.#offset = uses.has('offset');
    this.#timestamp = uses.has('timestamp');
  }

  /** Throws when a record field cannot be converted (an offset that is not a number, say). */
  load(record: RecordContext): RecordFrame {
    const frame = this.frame;
    frame.value = record.value ?? null;
    if (this.#key) frame.key = record.key ?? null;
    if (this.#headers) frame.headers = stringHeaders(record.headers);
    if (this.#topic) frame.topic = record.topic;
    if (this.#partition) frame.partition = toInt(record.partition);
    if (this.#offset) frame.offset = toInt(record.offset);
    if (this.#timestamp) frame.timestamp = toInt(record.timestamp);
    return frame;
  }

  /** Drops the references to the last record so the frame does not keep it alive. */
  release(): void {
    const frame = this.frame;
    frame.value = null;
    frame.key = null;
    frame.headers = NO_HEADERS;
    frame.topic = '';
  }
}

function toInt(n: number | bigint | string): bigint {
  if (typeof n === 'bigint') return n;
  return typeof n === 'number' ? BigInt(Math.trunc(n)) : BigInt(n);
}

const utf8 = new TextDecoder();

function stringHeaders(headers: RecordContext['headers']): Readonly<Record<string, string>> {
  if (!headers) return NO_HEADERS;
  let allStrings = true;
  for (const key in headers) {
    if (typeof headers[key] !== 'string') {
      allStrings = false;
      break;
    }
  }
  if (allStrings) return headers as Readonly<Record<string, string>>;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(headers)) {
    if (v === null || v === undefined) continue;
    out[key] = typeof v === 'string' ? v : utf8.decode(v);
  }
  return out;
}
