import { renderUsage, type CommandSpec } from '../args/index.js';
import { loadBroker } from '../embedded-broker.js';
import type { Command, CommandIO, CommandOutcome } from '../command.js';

const spec = {
  name: 'broker',
  summary: 'Run the embedded Kafka-protocol broker in the foreground.',
  usage: ['sluice broker [--listen [PROTOCOL://]127.0.0.1:9092 …] [--advertised-listener [PROTOCOL://]HOST:PORT …] [--data-dir DIR] [--config k=v …]'],
  description:
    'Runs the embedded broker until SIGTERM or Ctrl-C, then shuts it down cleanly. It prints one line with ' +
    '"listening" once clients can connect. Listeners take Kafka\'s form: PLAINTEXT (the default), SSL, SASL_PLAINTEXT ' +
    'or SASL_SSL, e.g. --listen 127.0.0.1:9092 --listen SASL_SSL://0.0.0.0:9093 --config ssl.keystore.type=PEM ' +
    '--config ssl.keystore.location=server.pem --config \'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule ' +
    'required user_alice="alice-secret";\'.',
  flags: {
    listen: {
      type: 'string',
      multiple: true,
      value: '[PROTOCOL://]HOST:PORT',
      help: 'Address to listen on, repeatable (one per protocol). Default: 127.0.0.1:9092.',
    },
    'advertised-listener': {
      type: 'string',
      multiple: true,
      value: '[PROTOCOL://]HOST:PORT',
      help: "Address the listener of that protocol tells clients to connect to, when it differs from --listen.",
    },
    'data-dir': { type: 'string', value: 'DIR', help: 'Where topics and offsets are stored.' },
    config: {
      type: 'string',
      multiple: true,
      value: 'NAME=VALUE',
      help: 'A broker config as in server.properties, e.g. num.partitions=3, ssl.keystore.location=server.pem, sasl.enabled.mechanisms=SCRAM-SHA-256.',
    },
  },
} as const satisfies CommandSpec;

async function run(argv: string[], io: CommandIO): Promise<CommandOutcome> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(renderUsage(spec));
    return 0;
  }
  // The broker owns its flags; they are passed through untouched.
  // brokerMain resolves once the broker listens (or failed, setting process.exitCode); from then on
  // the broker's signal handlers end the process.
  const { brokerMain } = await loadBroker();
  await brokerMain(argv);
  return 'running';
}

export const brokerCommand: Command = { spec, run };
