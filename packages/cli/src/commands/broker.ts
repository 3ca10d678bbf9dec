import { renderUsage, type CommandSpec } from '../args/index.js';
import { loadBroker } from '../embedded-broker.js';
import type { Command, CommandIO, CommandOutcome } from '../command.js';

const spec = {
  name: 'broker',
  summary: 'Run the embedded Kafka-protocol broker in the foreground.',
  usage: ['sluice broker [--listen 127.0.0.1:9092] [--advertised-listener HOST:PORT] [--data-dir DIR] [--config k=v …]'],
  description:
    'Runs the embedded broker until SIGTERM or Ctrl-C, then shuts it down cleanly. It prints one line with ' +
    '"listening" once clients can connect.',
  flags: {
    listen: { type: 'string', value: 'HOST:PORT', help: 'Address to listen on. Default: 127.0.0.1:9092.' },
    'advertised-listener': {
      type: 'string',
      value: 'HOST:PORT',
      help: 'Address clients are told to connect to, when it differs from --listen.',
    },
    'data-dir': { type: 'string', value: 'DIR', help: 'Where topics and offsets are stored.' },
    config: { type: 'string', multiple: true, value: 'NAME=VALUE', help: 'A broker config, e.g. num.partitions=3.' },
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
