import { mkdir } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { KafkaConnectionSettings } from '@sluice/kafka-admin';
import { createApp } from './app.js';
import { startWeatherDemo, type WeatherGenerator } from './demo/index.js';
import { AllowedHosts, ApiToken, RefusalLog } from './exposure/index.js';
import { GroupService } from './groups/index.js';
import { KafkaConnection } from './kafka/kafka-connection.js';
import { LiveHub, liveSnapshot } from './live/index.js';
import { consoleLogger, messageOf, type Logger } from './logger.js';
import { PipelineManager, PipelineService, PipelineStore, SourceTopicWatch, type RunnerTuning } from './pipelines/index.js';
import { createPrometheusRegistry } from './prometheus/prometheus-metrics.js';
import { TapHub } from './taps/index.js';
import { TopicService } from './topics/topic-service.js';
import { defaultWebDir } from './web/web-app.js';

export interface ServerOptions {
  /** Default 3000; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. Any other address exposes the server and then requires `apiToken`. */
  readonly host?: string;
  /** `host:port[,host:port]` or a list of them. */
  readonly bootstrapServers: string | readonly string[];
  /** TLS and SASL for the cluster (`--command-config`); the deployed pipelines use them too. Plaintext by default. */
  readonly kafkaConnection?: KafkaConnectionSettings;
  /** Where pipelines are stored (`<dataDir>/pipelines`). */
  readonly dataDir: string;
  /**
   * Required with a non-loopback host; then every call under /api but health and sign-in needs it,
   * as `Authorization: Bearer <token>` or the web app's session cookie.
   */
  readonly apiToken?: string;
  /**
   * Host names the server answers to besides loopback names, IP addresses and `host`
   * (`.example.com` for every name under example.com). Requests under any other name are refused.
   */
  readonly allowedHosts?: readonly string[];
  readonly logger?: Logger;
  /** Set up and run the weather demo (on a first start; the generator on every start after). */
  readonly demo?: boolean;
  /** The built web app; default apps/web/dist. */
  readonly webDir?: string;
  /** Largest JSON body; default 1 MB. */
  readonly bodyLimit?: string;
  /** Runner client settings (tests shorten the session timeout). */
  readonly runner?: RunnerTuning;
}

export interface SluiceServer {
  /** `http://host:port`, ready to print. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The pipelines' workers (status, metrics, and a crash drill for tests). */
  readonly manager: PipelineManager;
  /** Open server-sent-event streams and places being sampled (diagnostics and tests). */
  streamCounts(): { live: number; taps: number; tappedPlaces: number };
  /** Stops the HTTP server, live streams, the demo generator, and every pipeline gracefully. */
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

/** Refuses settings that would expose an unprotected server. */
export function checkExposure(host: string, apiToken: string | undefined): void {
  if (LOOPBACK.test(host)) return;
  if (!apiToken) {
    throw new Error(
      `refusing to listen on ${host} without an API token: anyone who can reach it could deploy pipelines. ` +
        'Set SLUICE_API_TOKEN to a long random secret (for example: export SLUICE_API_TOKEN=$(openssl rand -hex 32)), ' +
        'or leave --host at 127.0.0.1',
    );
  }
}

function brokerList(bootstrap: string | readonly string[]): string[] {
  const list = (typeof bootstrap === 'string' ? bootstrap.split(',') : [...bootstrap]).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new Error('bootstrapServers is empty; give host:port[,host:port]');
  return list;
}

/**
 * Starts the Sluice server: the REST API, live metrics, Prometheus metrics and the web app, with
 * every stored pipeline that should run started again. Resolves once it listens.
 */
export async function createServer(options: ServerOptions): Promise<SluiceServer> {
  const host = options.host ?? '127.0.0.1';
  const apiToken = options.apiToken === '' ? undefined : options.apiToken;
  checkExposure(host, apiToken);
  const logger = options.logger ?? consoleLogger();
  const allowedHosts = new AllowedHosts(host, options.allowedHosts ?? []);
  const brokers = brokerList(options.bootstrapServers);
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });

  const connection = new KafkaConnection(brokers, logger, options.kafkaConnection);
  connection.startMonitoring();
  const manager = new PipelineManager({ brokers, connection: connection.settings, logger, ...(options.runner ? { tuning: options.runner } : {}) });
  const groupRemover = (groupId: string) => connection.withAdmin((admin) => admin.deleteGroups([groupId])).then(() => undefined);
  const pipelines = new PipelineService(new PipelineStore(resolve(dataDir, 'pipelines')), manager, logger, groupRemover);
  const sourceWatch = new SourceTopicWatch(manager, () => connection.withAdmin((admin) => admin.listTopics()));
  const groups = new GroupService(connection, (groupId) => pipelineOfGroup(pipelines, groupId));
  const startedAt = new Date();
  const live = new LiveHub({ snapshot: () => liveSnapshot(pipelines, manager), logger });
  const taps = new TapHub({ control: manager, logger });
  const parts = {
    connection,
    pipelines,
    live,
    prometheus: createPrometheusRegistry({ manager, connection }),
    startedAt,
    topics: new TopicService(connection, { pipelinesReading: (topic) => pipelines.readersOf(topic), groupsReading: (topic) => groups.readersOf(topic) }),
    groups,
    taps,
    manager,
    logger,
    exposure: { allowedHosts, token: apiToken ? new ApiToken(apiToken) : undefined, log: new RefusalLog(logger) },
    webDir: options.webDir ?? defaultWebDir,
    bodyLimit: options.bodyLimit ?? '1mb',
  };

  let generator: WeatherGenerator | undefined;
  let http: Server | undefined;
  try {
    await pipelines.open();
    if (options.demo) generator = await startWeatherDemo({ dataDir, connection, pipelines, logger });
    sourceWatch.start();
    http = createHttpServer(createApp(parts));
    await listen(http, options.port ?? 3000, host);
  } catch (err) {
    sourceWatch.stop();
    live.close();
    taps.close();
    await generator?.stop();
    await manager.close();
    await connection.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new Error(`port ${options.port ?? 3000} on ${host} is already in use: stop the other server or choose another --port`);
    if (e.code === 'EADDRNOTAVAIL') throw new Error(`cannot listen on ${host}: no network interface has that address`);
    throw err;
  }

  const address = http.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;
  logger.info(`listening on ${url} (Kafka at ${brokers.join(',')}, data in ${dataDir})`);

  let closing: Promise<void> | undefined;
  const server = http;
  return {
    url,
    host: address.address,
    port: address.port,
    manager,
    streamCounts: () => ({ live: live.clientCount, taps: taps.clientCount, tappedPlaces: taps.sessionCount }),
    close() {
      closing ??= (async () => {
        sourceWatch.stop();
        live.close();
        taps.close();
        const httpClosed = new Promise<void>((done) => server.close(() => done()));
        server.closeIdleConnections();
        await generator?.stop();
        await manager.close();
        server.closeAllConnections();
        await httpClosed;
        await connection.close();
        logger.info('server stopped');
      })().catch((err: unknown) => logger.error(`server did not stop cleanly: ${messageOf(err)}`));
      return closing;
    },
  };
}

/** The pipeline whose consumer group this is (its own setting, or `sluice-<id>`). */
function pipelineOfGroup(pipelines: PipelineService, groupId: string): string | undefined {
  for (const p of pipelines.list()) {
    if (!p.valid) continue;
    const group = pipelines.get(p.id).consumerGroup;
    if (group === groupId) return p.id;
  }
  return undefined;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
}
