import { createInterface } from 'node:readline';
import { compressionType } from '@sluice/kafka-codecs';
import type { IHeaders, Message, Producer } from 'kafkajs';
import {
  CommandError,
  UsageError,
  parseKeyValues,
  required,
  resolveBootstrap,
  type CommandSpec,
} from '../args/index.js';
import { Partitioners, createKafka, explainConnectionError, resolveConnection } from '../kafka/index.js';
import {
  LineFormatError,
  READER_PROPERTIES,
  RecordBatcher,
  lineFormatFrom,
  parseLine,
  resolveProducerSettings,
  type LineFormat,
  type LineRecord,
  type ProducerSettings,
} from '../producer/index.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { bootstrapServerFlag, commandConfigFlag } from './common-flags.js';

const spec = {
  name: 'console-producer',
  summary: 'Read lines from stdin and produce them as records (as kafka-console-producer.sh).',
  usage: ['sluice console-producer --topic T [--property parse.key=true --property key.separator=:] [--producer-property k=v …]'],
  description:
    'Each line read from standard input becomes one record. Lines are sent in batches (--batch-size records, ' +
    'or after --timeout ms); at end of input everything is flushed and acknowledged before the command exits. ' +
    'Reader properties: parse.key, key.separator (default tab), parse.headers, headers.delimiter, ' +
    'headers.separator, headers.key.separator, ignore.error, null.marker. ' +
    'Producer properties: acks, compression.type (none|gzip|snappy|lz4|zstd), linger.ms, batch.size, client.id, ' +
    'enable.idempotence, retries, request.timeout.ms, max.in.flight.requests.per.connection.',
  flags: {
    'bootstrap-server': bootstrapServerFlag,
    'command-config': commandConfigFlag,
    'producer.config': { ...commandConfigFlag, help: 'Same as --command-config (the name kafka-console-producer.sh uses).' },
    'broker-list': { type: 'string', value: 'HOST:PORT', help: 'Deprecated spelling of --bootstrap-server.' },
    topic: { type: 'string', value: 'TOPIC', help: 'REQUIRED: the topic to produce to.' },
    property: {
      type: 'string',
      multiple: true,
      value: 'KEY=VALUE',
      help: 'A line-reader property, e.g. parse.key=true or key.separator=:',
    },
    'producer-property': {
      type: 'string',
      multiple: true,
      value: 'KEY=VALUE',
      help: 'A producer property, e.g. acks=1 or compression.type=gzip.',
    },
    'batch-size': { type: 'string', value: 'N', help: 'Records per batch. Default: 200.' },
    timeout: { type: 'string', value: 'MS', help: 'How long a record may wait for its batch to fill (linger.ms). Default: 1000.' },
    sync: { type: 'boolean', help: 'Send each record on its own and wait for its acknowledgement.' },
    'compression-codec': { type: 'string', value: 'none|gzip|snappy|lz4|zstd', help: 'Compression of the batches sent. Default: none.' },
    'request-required-acks': { type: 'string', value: 'ACKS', help: 'The acks of the produce requests: all/-1, 0 or 1. Default: -1.' },
    'request-timeout-ms': { type: 'string', value: 'MS', help: 'How long the broker may take to acknowledge a request.' },
    'message-send-max-retries': { type: 'string', value: 'N', help: 'Retries of a failed send. Default: 3.' },
  },
} as const satisfies CommandSpec;

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const f = parsed.flags;
  const topic = required(spec.name, 'topic', f.topic);
  const brokers = resolveBootstrap(spec.name, f['bootstrap-server'] ?? f['broker-list'], io.env);
  const connection = resolveConnection(f['command-config'] ?? f['producer.config'], io);
  const readerProps = parseKeyValues(spec.name, 'property', f.property);
  const producerProps = parseKeyValues(spec.name, 'producer-property', f['producer-property']);
  let format: LineFormat;
  let settings: ProducerSettings;
  try {
    format = lineFormatFrom(readerProps);
    const resolved = resolveProducerSettings(producerProps, {
      sync: f.sync,
      batchSize: f['batch-size'],
      timeout: f.timeout,
      compressionCodec: f['compression-codec'],
      requestRequiredAcks: f['request-required-acks'],
      requestTimeoutMs: f['request-timeout-ms'],
      messageSendMaxRetries: f['message-send-max-retries'],
    });
    settings = resolved.settings;
    for (const name of resolved.ignored) {
      io.stderr.write(`WARN: producer property '${name}' is not supported by sluice console-producer and was ignored.\n`);
    }
  } catch (err) {
    throw new UsageError((err as Error).message, spec.name);
  }
  for (const name of readerProps.keys()) {
    if (!(READER_PROPERTIES as readonly string[]).includes(name)) {
      io.stderr.write(`WARN: --property '${name}' is not a console-producer property and was ignored.\n`);
    }
  }

  const producer = createKafka({ brokers, clientId: settings.clientId, connection, env: io.env, stderr: io.stderr }).producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    idempotent: settings.idempotent,
    ...(settings.maxInFlightRequests !== undefined ? { maxInFlightRequests: settings.maxInFlightRequests } : {}),
    retry: { retries: settings.retries },
  });
  try {
    await producer.connect();
  } catch (err) {
    throw new CommandError(explainConnectionError(err, brokers, connection) ?? `cannot connect: ${(err as Error).message}`);
  }
  try {
    return await pipeLines(io, producer, topic, format, settings);
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

/** stdin → batches → acknowledged records. Returns 0 when every line read was acknowledged. */
async function pipeLines(
  io: CommandIO,
  producer: Producer,
  topic: string,
  format: LineFormat,
  settings: ProducerSettings,
): Promise<number> {
  const batcher = new RecordBatcher<Message>({
    maxRecords: settings.batchRecords,
    maxBytes: settings.batchBytes,
    lingerMs: settings.lingerMs,
    sizeOf: messageSize,
    send: async (messages) => {
      await producer.send({
        topic,
        messages,
        acks: settings.acks,
        compression: compressionType(settings.compression),
        ...(settings.requestTimeoutMs !== undefined ? { timeout: settings.requestTimeoutMs } : {}),
      });
    },
  });
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  // Ctrl-C ends the input like EOF does: what was read is still sent.
  const endInput = () => lines.close();
  process.once('SIGINT', endInput);
  process.once('SIGTERM', endInput);
  const prompt = io.stdin.isTTY === true;
  let lineNumber = 0;
  let formatError: LineFormatError | undefined;
  try {
    if (prompt) io.stdout.write('>');
    for await (const line of lines) {
      lineNumber++;
      let record: LineRecord;
      try {
        record = parseLine(line, lineNumber, format);
      } catch (err) {
        if (!(err instanceof LineFormatError)) throw err;
        formatError = err;
        break;
      }
      await batcher.add(toMessage(record));
      if (prompt) io.stdout.write('>');
    }
    await batcher.flush();
  } catch (err) {
    batcher.cancel();
    const unreachable = explainConnectionError(err, []);
    const acked = `${batcher.acknowledged} of ${lineNumber} records were acknowledged`;
    throw new CommandError(`could not produce to topic "${topic}" (${acked}): ${unreachable ?? (err as Error).message}`);
  } finally {
    process.off('SIGINT', endInput);
    process.off('SIGTERM', endInput);
    lines.close();
    io.stdin.pause();
  }
  if (formatError) throw new CommandError(formatError.message);
  return 0;
}

function toMessage(record: LineRecord): Message {
  const grouped = new Map<string, Array<string | undefined>>();
  for (const [key, value] of record.headers) grouped.set(key, [...(grouped.get(key) ?? []), value ?? undefined]);
  const headers: IHeaders = {};
  for (const [key, values] of grouped) {
    // kafkajs writes an undefined header value as null on the wire, also inside a repeated key's list.
    headers[key] = values.length === 1 ? values[0] : (values as string[]);
  }
  return { key: record.key, value: record.value, headers };
}

function messageSize(m: Message): number {
  const len = (v: unknown) => (typeof v === 'string' ? Buffer.byteLength(v) : Buffer.isBuffer(v) ? v.length : 0);
  let size = len(m.key) + len(m.value) + 16;
  for (const [k, v] of Object.entries(m.headers ?? {})) size += len(k) + (Array.isArray(v) ? v.reduce((n, x) => n + len(x), 0) : len(v));
  return size;
}

export const consoleProducerCommand = defineCommand(spec, run);
