import { resolve } from 'node:path';
import { CommandError, parsePort, resolveBootstrap, type CommandSpec } from '../args/index.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { describeConnection } from '@sluice/kafka-admin';
import { resolveConnection } from '../kafka/index.js';
import { allowedHostsFlag, allowedHostsOf, bootstrapServerFlag, commandConfigFlag } from './common-flags.js';
import { TOKEN_ENV } from './server-api.js';

/** @sluice/server, loaded only by the commands that run it, so client commands start fast. */
export type ServerModule = typeof import('@sluice/server');
export type RunningServer = Awaited<ReturnType<ServerModule['createServer']>>;

export function loadServer(): Promise<ServerModule> {
  return import('@sluice/server');
}

/** Starts the server, turning its start-up refusals (port taken, no token) into one-line errors. */
export async function startServer(options: Parameters<ServerModule['createServer']>[0]): Promise<RunningServer> {
  const { createServer } = await loadServer();
  try {
    return await createServer(options);
  } catch (err) {
    throw new CommandError((err as Error).message);
  }
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
}

const spec = {
  name: 'server',
  summary: 'Run the Sluice server (REST API, live metrics, web UI) against an existing broker.',
  usage: ['sluice server [--port 3000] [--host 127.0.0.1] [--allowed-hosts NAME[,NAME]] [--bootstrap-server H:P] [--command-config FILE] [--data-dir DIR]'],
  description:
    'Serves the REST API, live metrics and the web UI, and runs the deployed pipelines (each in its own worker ' +
    'thread), until Ctrl-C or SIGTERM. It listens on 127.0.0.1 unless --host says otherwise; any other address ' +
    `requires $${TOKEN_ENV}, which every API call but /api/health must then send as "Authorization: Bearer <token>" ` +
    '(the web UI asks for it once). Requests under a host name other than localhost, an IP address, --host or ' +
    '--allowed-hosts are refused, and so are changes sent by pages of other sites.',
  flags: {
    port: { type: 'string', value: 'PORT', help: 'Port of the web UI and REST API. Default: 3000.' },
    host: { type: 'string', value: 'ADDRESS', help: 'Address to listen on. Default: 127.0.0.1.' },
    'allowed-hosts': allowedHostsFlag,
    'bootstrap-server': bootstrapServerFlag,
    'command-config': commandConfigFlag,
    'data-dir': { type: 'string', value: 'DIR', help: 'Where pipelines are stored. Default: ./.sluice-data' },
  },
} as const satisfies CommandSpec;

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const f = parsed.flags;
  const port = parsePort(spec.name, '--port', f.port ?? '3000');
  const brokers = resolveBootstrap(spec.name, f['bootstrap-server'], io.env);
  const kafkaConnection = resolveConnection(f['command-config'], io);
  const dataDir = resolve(io.cwd, f['data-dir'] ?? '.sluice-data');
  const { consoleLogger } = await loadServer();
  const server = await startServer({
    port,
    host: f.host ?? '127.0.0.1',
    bootstrapServers: brokers,
    kafkaConnection,
    dataDir,
    ...(io.env[TOKEN_ENV] ? { apiToken: io.env[TOKEN_ENV] } : {}),
    allowedHosts: allowedHostsOf(f['allowed-hosts']),
    logger: consoleLogger('server'),
  });
  io.stdout.write(`sluice server listening on ${server.url} (Kafka at ${brokers.join(',')}, ${describeConnection(kafkaConnection)}, data dir ${dataDir})\nPress Ctrl-C to stop.\n`);
  await untilSignal();
  await server.close();
  io.stderr.write('sluice: server stopped cleanly\n');
  return 0;
}

export const serverCommand = defineCommand(spec, run);
