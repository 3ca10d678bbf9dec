import { resolve } from 'node:path';
import { CommandError, parsePort, resolveBootstrap, UsageError, type CommandSpec } from '../args/index.js';
import { loadBroker } from '../embedded-broker.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { describeConnection } from '@sluice/kafka-admin';
import { resolveConnection } from '../kafka/index.js';
import { allowedHostsFlag, allowedHostsOf, commandConfigFlag } from './common-flags.js';
import { loadServer, startServer, untilSignal, type RunningServer } from './server.js';

const spec = {
  name: 'start',
  summary: 'Start Sluice: the embedded broker, the server and web UI, and the weather demo.',
  usage: [
    'sluice start [--port 3000] [--broker-port 9092] [--data-dir DIR] [--bootstrap-server H:P [--command-config FILE]] [--allowed-hosts NAME[,NAME]] [--no-demo]',
  ],
  description:
    'Starts the embedded broker on 127.0.0.1:<broker-port> (or uses the cluster named by --bootstrap-server), the ' +
    'server and web UI on http://127.0.0.1:<port>, and, on a first start, the weather demo; data is kept in ' +
    '--data-dir (default ./.sluice-data). Runs until Ctrl-C or SIGTERM, then stops everything cleanly.',
  flags: {
    port: { type: 'string', value: 'PORT', help: 'Port of the web UI and REST API. Default: 3000.' },
    'broker-port': { type: 'string', value: 'PORT', help: 'Port of the embedded broker. Default: 9092.' },
    'data-dir': { type: 'string', value: 'DIR', help: 'Where Sluice keeps its data. Default: ./.sluice-data' },
    'bootstrap-server': {
      type: 'string',
      value: 'HOST:PORT[,HOST:PORT]',
      help: 'Use this Kafka cluster instead of the embedded broker.',
    },
    'command-config': { ...commandConfigFlag, help: `${commandConfigFlag.help} Only with --bootstrap-server.` },
    'allowed-hosts': allowedHostsFlag,
    'no-demo': { type: 'boolean', help: 'Do not create the weather demo on first start.' },
  },
} as const satisfies CommandSpec;

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const f = parsed.flags;
  const uiPort = parsePort(spec.name, '--port', f.port ?? '3000');
  const brokerPort = parsePort(spec.name, '--broker-port', f['broker-port'] ?? '9092');
  const dataDir = resolve(io.cwd, f['data-dir'] ?? '.sluice-data');
  const external = f['bootstrap-server'] !== undefined ? resolveBootstrap(spec.name, f['bootstrap-server'], io.env) : undefined;
  if (f['command-config'] !== undefined && !external) {
    throw new UsageError('--command-config is for an external cluster: pass --bootstrap-server with it', spec.name);
  }
  const kafkaConnection = resolveConnection(f['command-config'], io);
  let broker: { host: string; port: number; close(): Promise<void> } | undefined;
  if (!external) {
    const { startBroker } = await loadBroker();
    try {
      broker = await startBroker({ host: '127.0.0.1', port: brokerPort, dataDir: resolve(dataDir, 'broker') });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') {
        throw new CommandError(`port ${brokerPort} is already in use: stop the other broker or pass --broker-port with another port`);
      }
      throw err;
    }
    io.stdout.write(`sluice broker listening on ${broker.host}:${broker.port} (data dir ${dataDir})\n`);
  }
  const brokers = external ?? [`${broker!.host}:${broker!.port}`];
  let server: RunningServer;
  try {
    const { consoleLogger } = await loadServer();
    server = await startServer({
      port: uiPort,
      bootstrapServers: brokers,
      kafkaConnection,
      dataDir,
      demo: !f['no-demo'],
      allowedHosts: allowedHostsOf(f['allowed-hosts']),
      logger: consoleLogger('server'),
    });
  } catch (err) {
    await broker?.close();
    throw err;
  }
  io.stdout.write(
    `Sluice is running at ${server.url} (Kafka at ${brokers.join(',')}, ${describeConnection(kafkaConnection)})\n` +
      `  pnpm sluice pipelines list --server ${server.url}\n` +
      `  pnpm sluice topics --bootstrap-server ${brokers.join(',')}${f['command-config'] ? ` --command-config ${f['command-config']}` : ''} --list\n` +
      `Press Ctrl-C to stop.\n`,
  );
  await untilSignal();
  await server.close();
  await broker?.close();
  io.stderr.write(`sluice: ${broker ? 'server and broker' : 'server'} stopped cleanly\n`);
  return 0;
}

export const startCommand = defineCommand(spec, run);
