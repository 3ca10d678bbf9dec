import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { BrokerState } from './broker-state.js';
import { AppendNotifier } from './cluster/append-notifier.js';
import { loadOrCreateClusterId } from './cluster/cluster-id.js';
import { TopicRegistry } from './cluster/topic-registry.js';
import { parseBrokerSettings } from './config/broker-config.js';
import { GroupCoordinator } from './groups/index.js';
import { groupHandlers } from './handlers/group-handlers.js';
import { buildHandlerRegistry } from './handlers/registry.js';
import { consoleLogger, type Logger } from './logger.js';
import { transactionHandlers } from './handlers/transaction-handlers.js';
import { Connection } from './network/connection.js';
import { ProducerStates } from './producers/index.js';
import { TransactionCoordinator, TransactionStore } from './transactions/index.js';
import { createDispatcher } from './network/dispatcher.js';

export interface BrokerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** What clients are told to connect to; the listen address by default. */
  advertisedHost?: string;
  advertisedPort?: number;
  dataDir: string;
  /** Broker configs as `key=value`, named as in Kafka's server.properties. */
  config?: string[];
  logger?: Logger;
}

export interface RunningBroker {
  host: string;
  port: number;
  state: BrokerState;
  close(): Promise<void>;
}

/** Starts the embedded broker: recovers the data directory, then listens. */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const logger = options.logger ?? consoleLogger();
  const settings = parseBrokerSettings(options.config ?? []);
  mkdirSync(options.dataDir, { recursive: true });
  const topics = new TopicRegistry(options.dataDir, settings, logger);
  topics.open();
  const appends = new AppendNotifier();
  const producers = new ProducerStates(topics, appends, logger);
  const groups = GroupCoordinator.open(options.dataDir, {
    logger,
    config: {
      initialRebalanceDelayMs: settings.groupInitialRebalanceDelayMs,
      minSessionTimeoutMs: settings.groupMinSessionTimeoutMs,
      maxSessionTimeoutMs: settings.groupMaxSessionTimeoutMs,
    },
  });
  topics.onTopicDeleted((topic) => groups.forgetTopic(topic));
  const transactions = new TransactionCoordinator(
    new TransactionStore(options.dataDir),
    {
      writeMarker: (topic, partition, pid, epoch, commit) => producers.writeMarker(topic, partition, pid, epoch, commit),
      partitionExists: (topic, partition) => topics.partition(topic, partition) !== undefined,
      commitOffsets: (groupId, offsets) =>
        groups.commitTransactionalOffsets(
          groupId,
          offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset, leaderEpoch: o.leaderEpoch, metadata: o.metadata })),
        ),
      validateGroupMember: (groupId, generationId, memberId, instanceId) =>
        groups.validateTransactionalMember(groupId, generationId, memberId, instanceId),
    },
    logger,
    { maxTimeoutMs: settings.transactionMaxTimeoutMs, abortCheckIntervalMs: settings.transactionAbortCheckIntervalMs },
  );
  producers.start();
  transactions.start();
  const state: BrokerState = {
    settings,
    clusterId: loadOrCreateClusterId(options.dataDir, settings.nodeId),
    advertised: { host: options.advertisedHost ?? options.host ?? '127.0.0.1', port: options.advertisedPort ?? 0 },
    topics,
    appends,
    producers,
    transactions,
    logger,
  };
  const registry = buildHandlerRegistry([...groupHandlers(groups), ...transactionHandlers(transactions)]);
  const dispatch = createDispatcher(state, registry);
  const connections = new Set<Connection>();
  let nextId = 1;
  const server: Server = createServer((socket) => {
    const connection = new Connection(socket, nextId++, dispatch, settings.socketRequestMaxBytes, logger);
    connections.add(connection);
    socket.once('close', () => connections.delete(connection));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9092, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('broker socket has no TCP address');
  if (!options.advertisedPort) state.advertised.port = address.port;

  const retention = setInterval(() => topics.applyRetention(Date.now()), settings.retentionCheckIntervalMs);
  retention.unref();

  let closed: Promise<void> | null = null;
  return {
    host: address.address,
    port: address.port,
    state,
    close() {
      closed ??= (async () => {
        clearInterval(retention);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const c of connections) c.close();
        });
        transactions.close();
        producers.close();
        groups.close();
        topics.close();
      })();
      return closed;
    },
  };
}
