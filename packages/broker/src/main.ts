#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBroker } from './broker.js';
import { ConfigError } from './config/broker-config.js';
import { consoleLogger } from './logger.js';

const usage = `Usage: sluice broker [--listen HOST:PORT] [--advertised-listener HOST:PORT] [--data-dir DIR] [--config key=value …]

Runs Sluice's embedded Kafka-protocol broker in the foreground until SIGTERM or SIGINT.
  --listen                 address to listen on (default 127.0.0.1:9092; port 0 picks a free one)
  --advertised-listener    address clients are told to connect to (default: the listen address)
  --data-dir               where topics and offsets are kept (default ./.sluice-data/broker)
  --config key=value       a broker setting, named as in Kafka's server.properties (repeatable)`;

function hostPort(flag: string, value: string): { host: string; port: number } {
  const m = /^(.*):(\d+)$/.exec(value);
  if (!m || Number(m[2]) > 65535) throw new ConfigError(`${flag} "${value}" must be HOST:PORT, e.g. 127.0.0.1:9092`);
  return { host: m[1] || '0.0.0.0', port: Number(m[2]) };
}

/** `sluice broker …`: parses the flags, runs the broker, and shuts it down cleanly on a signal. */
export async function brokerMain(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        listen: { type: 'string', default: '127.0.0.1:9092' },
        'advertised-listener': { type: 'string' },
        'data-dir': { type: 'string', default: '.sluice-data/broker' },
        config: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`Error: ${(e as Error).message}. Run \`sluice broker --help\` for usage.\n`);
    process.exitCode = 1;
    return;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const logger = consoleLogger();
  try {
    const listen = hostPort('--listen', values.listen!);
    const advertised = values['advertised-listener'] ? hostPort('--advertised-listener', values['advertised-listener']) : undefined;
    const dataDir = resolve(values['data-dir']!);
    const broker = await startBroker({
      host: listen.host,
      port: listen.port,
      advertisedHost: advertised?.host,
      advertisedPort: advertised?.port,
      dataDir,
      config: values.config,
      logger,
    });
    process.stdout.write(`sluice broker listening on ${broker.host}:${broker.port} (data dir ${dataDir})\n`);
    const shutdown = (signal: string) => {
      logger.info(`${signal}: shutting down`);
      broker.close().then(
        () => {
          logger.info('shut down cleanly');
          process.exit(0);
        },
        (err) => {
          logger.error(`shutdown failed: ${(err as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const message =
      err.code === 'EADDRINUSE'
        ? `${values.listen} is already in use: stop the other broker or pass --listen with another port`
        : err.message;
    process.stderr.write(`Error: ${message}\n`);
    process.exitCode = 1;
  }
}

// Run when executed directly (node dist/main.js), not when imported by the CLI.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void brokerMain(process.argv.slice(2));
}
