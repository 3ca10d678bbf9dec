import { resolve } from 'node:path';
import { CommandError, parseFlags, parseInteger, renderUsage, type CommandSpec } from '../args/index.js';
import { loadBroker } from '../embedded-broker.js';
import type { Command, CommandIO } from '../command.js';

const spec = {
  name: 'start',
  summary: 'Start Sluice: the embedded broker (the server and web UI join it in a later build).',
  usage: ['sluice start [--port 3000] [--broker-port 9092] [--data-dir DIR] [--bootstrap-server H:P] [--no-demo]'],
  description:
    'Starts the embedded broker on 127.0.0.1:<broker-port>, keeping its data in --data-dir (default ./.sluice-data), ' +
    'and runs until Ctrl-C or SIGTERM.',
  flags: {
    port: { type: 'string', value: 'PORT', help: 'Port of the web UI and REST API. Default: 3000.' },
    'broker-port': { type: 'string', value: 'PORT', help: 'Port of the embedded broker. Default: 9092.' },
    'data-dir': { type: 'string', value: 'DIR', help: 'Where Sluice keeps its data. Default: ./.sluice-data' },
    'bootstrap-server': {
      type: 'string',
      value: 'HOST:PORT[,HOST:PORT]',
      help: 'Use this Kafka cluster instead of the embedded broker.',
    },
    'no-demo': { type: 'boolean', help: 'Do not create the weather demo on first start.' },
  },
} as const satisfies CommandSpec;

async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseFlags(spec, argv);
  if (parsed.help) {
    io.stdout.write(renderUsage(spec));
    return 0;
  }
  const f = parsed.flags;
  const uiPort = parseInteger(spec.name, '--port', f.port ?? '3000', 1);
  const brokerPort = parseInteger(spec.name, '--broker-port', f['broker-port'] ?? '9092', 0);
  if (uiPort > 65535 || brokerPort > 65535) throw new CommandError('ports must be at most 65535');
  if (f['bootstrap-server'] !== undefined) {
    throw new CommandError(
      `the server and web UI are not part of this build yet, so there is nothing to start against ${f['bootstrap-server']}; ` +
        `use 'sluice topics', 'sluice console-producer' and 'sluice console-consumer' with --bootstrap-server ${f['bootstrap-server']}`,
    );
  }
  const dataDir = resolve(io.cwd, f['data-dir'] ?? '.sluice-data');
  const { startBroker } = await loadBroker();
  let broker;
  try {
    broker = await startBroker({ host: '127.0.0.1', port: brokerPort, dataDir: resolve(dataDir, 'broker') });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      throw new CommandError(`port ${brokerPort} is already in use: stop the other broker or pass --broker-port with another port`);
    }
    throw err;
  }
  const address = `${broker.host}:${broker.port}`;
  io.stdout.write(`sluice broker listening on ${address} (data dir ${dataDir})\n`);
  io.stdout.write(
    `The server and web UI (port ${uiPort}) are not part of this build yet. Meanwhile, try:\n` +
      `  pnpm sluice topics --bootstrap-server ${address} --list\n` +
      `Press Ctrl-C to stop.\n`,
  );
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await broker.close();
  io.stderr.write('sluice: broker stopped cleanly\n');
  return 0;
}

export const startCommand: Command = { spec, run };
