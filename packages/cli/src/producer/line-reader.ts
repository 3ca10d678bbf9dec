import { isTrue } from '../args/index.js';

/** How stdin lines become records; the `--property` names and defaults of kafka-console-producer.sh. */
export interface LineFormat {
  parseKey: boolean;
  keySeparator: string;
  parseHeaders: boolean;
  headersDelimiter: string;
  headersSeparator: string;
  headersKeySeparator: string;
  /** Lines without a separator become value-only records instead of failing. */
  ignoreError: boolean;
  /** A key, value or header value equal to this is sent as null. */
  nullMarker?: string;
}

export interface LineRecord {
  key: string | null;
  value: string | null;
  /** In line order; a header key may repeat. */
  headers: Array<[string, string | null]>;
}

/** A line that does not match the configured format; names the line as Kafka does. */
export class LineFormatError extends Error {
  override name = 'LineFormatError';
  constructor(
    message: string,
    readonly lineNumber: number,
  ) {
    super(message);
  }
}

export const READER_PROPERTIES = [
  'parse.key',
  'key.separator',
  'parse.headers',
  'headers.delimiter',
  'headers.separator',
  'headers.key.separator',
  'ignore.error',
  'null.marker',
] as const;

/** Builds the format from `--property` values; throws an Error naming the clash for unusable combinations. */
export function lineFormatFrom(props: ReadonlyMap<string, string>): LineFormat {
  const format: LineFormat = {
    parseKey: isTrue(props.get('parse.key')),
    keySeparator: props.get('key.separator') ?? '\t',
    parseHeaders: isTrue(props.get('parse.headers')),
    headersDelimiter: props.get('headers.delimiter') ?? '\t',
    headersSeparator: props.get('headers.separator') ?? ',',
    headersKeySeparator: props.get('headers.key.separator') ?? ':',
    ignoreError: isTrue(props.get('ignore.error')),
    nullMarker: props.get('null.marker'),
  };
  const named: Array<[string, string | undefined]> = [
    ['key.separator', format.keySeparator],
    ['headers.delimiter', format.headersDelimiter],
    ['headers.separator', format.headersSeparator],
    ['headers.key.separator', format.headersKeySeparator],
    ['null.marker', format.nullMarker],
  ];
  for (const [name, value] of named) {
    if (value === '') throw new Error(`--property ${name} must not be empty`);
  }
  const mustDiffer: Array<[string, string]> = [
    ['headers.delimiter', 'headers.separator'],
    ['headers.delimiter', 'headers.key.separator'],
    ['headers.separator', 'headers.key.separator'],
    ['null.marker', 'key.separator'],
    ['null.marker', 'headers.separator'],
    ['null.marker', 'headers.delimiter'],
    ['null.marker', 'headers.key.separator'],
  ];
  const value = new Map(named);
  for (const [a, b] of mustDiffer) {
    if (value.get(a) !== undefined && value.get(a) === value.get(b)) throw new Error(`${a} and ${b} may not be equal`);
  }
  return format;
}

/**
 * One stdin line → one record. Layout: `[headers<delimiter>][key<separator>]value`, each part
 * present only when its parse.* property is on. A trailing `\r` (a CRLF file) is not part of the value.
 */
export function parseLine(rawLine: string, lineNumber: number, format: LineFormat): LineRecord {
  const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  let rest = line;
  let headersText: string | null = null;
  if (format.parseHeaders) {
    const at = rest.indexOf(format.headersDelimiter);
    if (at >= 0) {
      headersText = rest.slice(0, at);
      rest = rest.slice(at + format.headersDelimiter.length);
    } else if (!format.ignoreError) {
      throw new LineFormatError(`No headers delimiter found on line number ${lineNumber}: '${line}'`, lineNumber);
    }
  }
  let key: string | null = null;
  if (format.parseKey) {
    const at = rest.indexOf(format.keySeparator);
    if (at >= 0) {
      key = rest.slice(0, at);
      rest = rest.slice(at + format.keySeparator.length);
    } else if (!format.ignoreError) {
      throw new LineFormatError(`No key separator found on line number ${lineNumber}: '${line}'`, lineNumber);
    }
  }
  const orNull = (s: string | null) => (s === null || s === format.nullMarker ? null : s);
  const headers = headersText === null || headersText === format.nullMarker ? [] : parseHeaders(headersText, lineNumber, format);
  return { key: orNull(key), value: orNull(rest), headers };
}

function parseHeaders(text: string, lineNumber: number, format: LineFormat): Array<[string, string | null]> {
  return text.split(format.headersSeparator).map((pair): [string, string | null] => {
    const at = pair.indexOf(format.headersKeySeparator);
    if (at < 0) {
      if (format.ignoreError) return [pair, null];
      throw new LineFormatError(
        `No header key separator found in pair '${pair}' on line number ${lineNumber}`,
        lineNumber,
      );
    }
    const key = pair.slice(0, at);
    if (key === format.nullMarker) {
      throw new LineFormatError(
        `Header keys should not be equal to the null marker '${format.nullMarker}' as they can't be null (line number ${lineNumber})`,
        lineNumber,
      );
    }
    const value = pair.slice(at + format.headersKeySeparator.length);
    return [key, value === format.nullMarker ? null : value];
  });
}
