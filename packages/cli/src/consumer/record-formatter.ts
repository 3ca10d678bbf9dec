import { isTrue } from '../args/index.js';

/** The `--property` settings of Kafka's DefaultMessageFormatter, with its defaults. */
export interface FormatterOptions {
  printTimestamp: boolean;
  printKey: boolean;
  printValue: boolean;
  printPartition: boolean;
  printOffset: boolean;
  printHeaders: boolean;
  keySeparator: string;
  lineSeparator: string;
  headersSeparator: string;
  nullLiteral: string;
}

export const FORMATTER_PROPERTIES = [
  'print.timestamp',
  'print.key',
  'print.value',
  'print.partition',
  'print.offset',
  'print.headers',
  'key.separator',
  'line.separator',
  'headers.separator',
  'null.literal',
] as const;

export function formatterOptionsFrom(props: ReadonlyMap<string, string>): FormatterOptions {
  const flag = (name: string, fallback: boolean) => (props.has(name) ? isTrue(props.get(name)) : fallback);
  return {
    printTimestamp: flag('print.timestamp', false),
    printKey: flag('print.key', false),
    printValue: flag('print.value', true),
    printPartition: flag('print.partition', false),
    printOffset: flag('print.offset', false),
    printHeaders: flag('print.headers', false),
    keySeparator: props.get('key.separator') ?? '\t',
    lineSeparator: props.get('line.separator') ?? '\n',
    headersSeparator: props.get('headers.separator') ?? ',',
    nullLiteral: props.get('null.literal') ?? 'null',
  };
}

/** A consumed record in the shape the formatter needs, independent of the client library. */
export interface ConsumedRecord {
  partition: number;
  offset: string;
  /** Milliseconds since the epoch, as a decimal string. */
  timestamp: string;
  timestampType?: 'CreateTime' | 'LogAppendTime';
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<[string, Buffer | null]>;
}

/**
 * Renders a record exactly as kafka-console-consumer.sh does: the chosen fields in the order
 * timestamp, partition, offset, headers, key, value, separated by key.separator and ended by
 * line.separator. Keys and values are written as the raw bytes they are.
 */
export function formatRecord(record: ConsumedRecord, o: FormatterOptions): Buffer {
  const fields: Buffer[] = [];
  if (o.printTimestamp) fields.push(text(`${record.timestampType ?? 'CreateTime'}:${record.timestamp}`));
  if (o.printPartition) fields.push(text(`Partition:${record.partition}`));
  if (o.printOffset) fields.push(text(`Offset:${record.offset}`));
  if (o.printHeaders) fields.push(formatHeaders(record.headers, o));
  if (o.printKey) fields.push(record.key ?? text(o.nullLiteral));
  if (o.printValue) fields.push(record.value ?? text(o.nullLiteral));
  // With every field switched off Kafka writes nothing at all, not even the line separator.
  if (fields.length === 0) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  fields.forEach((field, i) => {
    if (i > 0) parts.push(text(o.keySeparator));
    parts.push(field);
  });
  parts.push(text(o.lineSeparator));
  return Buffer.concat(parts);
}

function formatHeaders(headers: Array<[string, Buffer | null]>, o: FormatterOptions): Buffer {
  if (headers.length === 0) return text('NO_HEADERS');
  const parts: Buffer[] = [];
  headers.forEach(([key, value], i) => {
    if (i > 0) parts.push(text(o.headersSeparator));
    parts.push(text(`${key}:`), value ?? text(o.nullLiteral));
  });
  return Buffer.concat(parts);
}

function text(s: string): Buffer {
  return Buffer.from(s, 'utf8');
}
