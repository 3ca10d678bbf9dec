import { parseCodecName, type CodecName } from '@sluice/kafka-codecs';
import { isTrue } from '../args/index.js';

export type Compression = CodecName;

/** What the console producer hands to kafkajs, resolved from flags and `--producer-property`. */
export interface ProducerSettings {
  acks: -1 | 0 | 1;
  compression: Compression;
  lingerMs: number;
  /** Records per batch (`--batch-size`). */
  batchRecords: number;
  /** Bytes per batch (`batch.size`). */
  batchBytes: number;
  clientId: string;
  idempotent: boolean;
  retries: number;
  /** Produce request timeout; undefined keeps the client default. */
  requestTimeoutMs?: number;
  maxInFlightRequests?: number;
  sync: boolean;
}

/** The flags that override producer properties when given explicitly, as in kafka-console-producer.sh. */
export interface ProducerFlags {
  sync: boolean;
  batchSize?: string;
  timeout?: string;
  compressionCodec?: string;
  requestRequiredAcks?: string;
  requestTimeoutMs?: string;
  messageSendMaxRetries?: string;
}

export const DEFAULT_SETTINGS: ProducerSettings = {
  acks: -1,
  compression: 'none',
  lingerMs: 1000,
  batchRecords: 200,
  // Stays under the 1 MiB message.max.bytes brokers ship with.
  batchBytes: 512 * 1024,
  clientId: 'console-producer',
  idempotent: false,
  retries: 3,
  sync: false,
};

export interface ResolvedSettings {
  settings: ProducerSettings;
  /** Producer properties this client cannot apply; the command warns about each. */
  ignored: string[];
}

/**
 * Applies `--producer-property` entries, then the explicit flags (which win). Throws an Error with a
 * user-facing message for values this client cannot honour.
 */
export function resolveProducerSettings(props: ReadonlyMap<string, string>, flags: ProducerFlags): ResolvedSettings {
  const s: ProducerSettings = { ...DEFAULT_SETTINGS };
  const ignored: string[] = [];
  for (const [name, value] of props) {
    switch (name) {
      case 'acks':
        s.acks = parseAcks(value, `producer property acks`);
        break;
      case 'compression.type':
        s.compression = parseCompression(value, 'producer property compression.type');
        break;
      case 'linger.ms':
        s.lingerMs = nonNegative(value, 'producer property linger.ms');
        break;
      case 'batch.size':
        s.batchBytes = Math.max(1, nonNegative(value, 'producer property batch.size'));
        break;
      case 'client.id':
        s.clientId = value;
        break;
      case 'enable.idempotence':
        s.idempotent = isTrue(value);
        break;
      case 'retries':
        s.retries = nonNegative(value, 'producer property retries');
        break;
      case 'request.timeout.ms':
        s.requestTimeoutMs = nonNegative(value, 'producer property request.timeout.ms');
        break;
      case 'max.in.flight.requests.per.connection':
        s.maxInFlightRequests = Math.max(1, nonNegative(value, 'producer property max.in.flight.requests.per.connection'));
        break;
      default:
        ignored.push(name);
    }
  }
  if (flags.requestRequiredAcks !== undefined) s.acks = parseAcks(flags.requestRequiredAcks, '--request-required-acks');
  if (flags.compressionCodec !== undefined) s.compression = parseCompression(flags.compressionCodec, '--compression-codec');
  if (flags.timeout !== undefined) s.lingerMs = nonNegative(flags.timeout, '--timeout');
  if (flags.batchSize !== undefined) s.batchRecords = Math.max(1, nonNegative(flags.batchSize, '--batch-size'));
  if (flags.requestTimeoutMs !== undefined) s.requestTimeoutMs = nonNegative(flags.requestTimeoutMs, '--request-timeout-ms');
  if (flags.messageSendMaxRetries !== undefined) s.retries = nonNegative(flags.messageSendMaxRetries, '--message-send-max-retries');
  s.sync = flags.sync;
  if (s.sync) {
    s.batchRecords = 1;
    s.lingerMs = 0;
  }
  if (s.idempotent) {
    if (s.acks !== -1) throw new Error('enable.idempotence=true needs acks=all (-1)');
    s.maxInFlightRequests = 1;
  }
  return { settings: s, ignored };
}

function parseAcks(value: string, what: string): -1 | 0 | 1 {
  const v = value.trim().toLowerCase();
  if (v === 'all' || v === '-1') return -1;
  if (v === '0') return 0;
  if (v === '1') return 1;
  throw new Error(`${what} must be all, -1, 0 or 1, got '${value}'`);
}

function parseCompression(value: string, what: string): Compression {
  return parseCodecName(value, what);
}

function nonNegative(value: string, what: string): number {
  if (!/^\d+$/.test(value.trim())) throw new Error(`${what} must be a non-negative whole number, got '${value}'`);
  return Number(value.trim());
}
