#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBroker } from './broker.js';
import { consoleLogger } from './logger.js';
import { parseListener } from './security/index.js';

const usage = `Usage: sluice broker [--listen [PROTOCOL://]HOST:PORT …] [--advertised-listener [PROTOCOL://]HOST:PORT …] [--data-dir DIR] [--config key=value …]

Runs Sluice's embedded Kafka-protocol broker in the foreground until SIGTERM or SIGINT.
  --listen                 address to listen on (default 127.0.0.1:9092; port 0 picks a free one); repeatable,
                           PROTOCOL one of PLAINTEXT (default), SSL, SASL_PLAINTEXT, SASL_SSL as in Kafka's listeners
  --advertised-listener    address clients of a listener are told to connect to (default: the listen address)
  --data-dir               where topics and offsets are kept (default ./.sluice-data/broker)
  --config key=value       a broker setting, named as in Kafka's server.properties (repeatable); TLS and SASL:
                           ssl.keystore.type=PEM ssl.keystore.location=server.pem (key + certificate chain),
                           ssl.client.auth, ssl.truststore.location, sasl.enabled.mechanisms (PLAIN,
                           SCRAM-SHA-256, SCRAM-SHA-512), sasl.jaas.config='… required user_alice="secret";'`;

/** `sluice broker …`: parses the flags, runs the broker, and shuts it down cleanly on a signal. */
export async function brokerMain(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        listen: { type: 'string', multiple: true, default: ['127.0.0.1:9092'] },
        'advertised-listener': { type: 'string', multiple: true, default: [] },
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
    const listeners = values.listen!.map((l) => parseListener('--listen', l));
    const advertised = values['advertised-listener']!.map((l) => parseListener('--advertised-listener', l));
    // An advertised address without a protocol is the first listener's (as before several listeners).
    const first = advertised.find((a, i) => i === 0 && !/:\/\//.test(values['advertised-listener']![0]));
    const dataDir = resolve(values['data-dir']!);
    const broker = await startBroker({
      listeners,
      advertisedHost: first?.host,
      advertisedPort: first?.port,
      advertisedListeners: advertised.filter((a) => a !== first),
      dataDir,
      config: values.config,
      logger,
    });
    const where =
      broker.listeners.length === 1 && broker.listeners[0].protocol === 'PLAINTEXT'
        ? `${broker.host}:${broker.port}`
        : broker.listeners.map((l) => `${l.host}:${l.port} (${l.protocol})`).join(', ');
    process.stdout.write(`sluice broker listening on ${where} (data dir ${dataDir})\n`);
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
        ? `${values.listen!.join(', ')} is already in use: stop the other broker or pass --listen with another port`
        : err.message;
    process.stderr.write(`Error: ${message}\n`);
    process.exitCode = 1;
  }
}

// Run when executed directly (node dist/main.js), not when imported by the CLI.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void brokerMain(process.argv.slice(2));
}
