import { kafkaJsSecurity, PLAINTEXT_CONNECTION, type KafkaConnectionSettings } from '@sluice/kafka-admin';
import type { Kafka as KafkaClient, LogEntry, logLevel as LogLevel } from 'kafkajs';
import { registerKafkaCodecs } from '@sluice/kafka-codecs';
import { Kafka, logLevel } from './kafkajs.js';

export interface ClientOptions {
  brokers: string[];
  clientId: string;
  /** TLS and SASL from --command-config; plaintext when absent. */
  connection?: KafkaConnectionSettings;
  env: Record<string, string | undefined>;
  stderr: NodeJS.WritableStream;
}

const LEVELS: Record<string, LogLevel> = {
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

/**
 * A kafkajs client for one command. kafkajs logs nothing unless SLUICE_LOG_LEVEL asks for it (then
 * to stderr), so stdout carries only the command's output. Retries are short: a console tool should
 * tell the user quickly that a broker is not there.
 */
export function createKafka({ brokers, clientId, connection, env, stderr }: ClientOptions): KafkaClient {
  // Reads and writes gzip, snappy, lz4 and zstd, whichever a producer chose.
  registerKafkaCodecs();
  const level = LEVELS[(env.SLUICE_LOG_LEVEL ?? '').toLowerCase()] ?? logLevel.NOTHING;
  return new Kafka({
    clientId,
    brokers,
    ...kafkaJsSecurity(connection ?? PLAINTEXT_CONNECTION),
    logLevel: level,
    logCreator: () => (entry: LogEntry) => {
      const { message, timestamp: _t, logger: _l, ...extra } = entry.log as unknown as Record<string, unknown>;
      const tail = Object.keys(extra).length > 0 ? ` ${JSON.stringify(extra)}` : '';
      stderr.write(`[kafkajs ${entry.label} ${entry.namespace}] ${String(message)}${tail}\n`);
    },
    connectionTimeout: 3000,
    retry: { retries: 4, initialRetryTime: 150, maxRetryTime: 2000 },
  });
}
