import { mkdirSync } from 'node:fs';
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
import { Connection, type ListenerInfo } from './network/connection.js';
import { ProducerStates } from './producers/index.js';
import { TransactionCoordinator, TransactionStore } from './transactions/index.js';
import { createDispatcher } from './network/dispatcher.js';
import { openListener, type OpenListener } from './network/listen.js';
import { checkListeners, parseBrokerSecurity, SaslSession, splitSecurityPairs, usesSasl, type ListenerSpec } from './security/index.js';

export interface BrokerOptions {
  /** One PLAINTEXT listener, when `listeners` is not given. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Several listeners, each with its security protocol (`--listen SASL_SSL://127.0.0.1:9093`). */
  listeners?: ListenerSpec[];
  /** What clients of the first listener are told to connect to; the listen address by default. */
  advertisedHost?: string;
  advertisedPort?: number;
  /** What clients of other listeners are told, by protocol (`--advertised-listener SASL_SSL://h:p`). */
  advertisedListeners?: ListenerSpec[];
  dataDir: string;
  /** Broker configs as `key=value`, named as in Kafka's server.properties (TLS and SASL ones too). */
  config?: string[];
  logger?: Logger;
}

export interface RunningBroker {
  /** The first listener's bound address. */
  host: string;
  port: number;
  /** Every listener's bound address, in `--listen` order. */
  listeners: { protocol: ListenerSpec['protocol']; host: string; port: number }[];
  state: BrokerState;
  close(): Promise<void>;
}

/** Starts the embedded broker: recovers the data directory, then listens. */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const logger = options.logger ?? consoleLogger();
  const { security: securityPairs, rest } = splitSecurityPairs(options.config ?? []);
  const settings = parseBrokerSettings(rest);
  const specs = options.listeners ?? [{ protocol: 'PLAINTEXT' as const, host: options.host ?? '127.0.0.1', port: options.port ?? 9092 }];
  checkListeners(specs);
  const security = parseBrokerSecurity(securityPairs, specs);
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
  topics.onTopicDeleted((topic) => {
    appends.topicDeleted(topic);
    groups.forgetTopic(topic);
  });
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
    advertised: { host: options.advertisedHost ?? specs[0].host, port: options.advertisedPort ?? 0 },
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
  const open: OpenListener[] = [];
  try {
    for (const [i, spec] of specs.entries()) {
      const listener: ListenerInfo = { protocol: spec.protocol, advertised: { host: spec.host, port: spec.port } };
      // As in Kafka, ssl.client.auth is for SSL listeners: SASL_SSL clients authenticate by SASL.
      const tls = security.tls && usesSasl(spec.protocol) ? { ...security.tls, clientAuth: 'none' as const } : security.tls;
      const bound = await openListener(spec, tls, logger, (socket) => {
        const sasl = usesSasl(spec.protocol) && security.sasl ? new SaslSession(security.sasl) : null;
        const connection = new Connection(socket, nextId++, listener, sasl, dispatch, settings.socketRequestMaxBytes, logger);
        connections.add(connection);
        socket.once('close', () => connections.delete(connection));
      });
      open.push(bound);
      const told = options.advertisedListeners?.find((a) => a.protocol === spec.protocol);
      listener.advertised =
        i === 0 && !told
          ? { host: options.advertisedHost ?? state.advertised.host, port: options.advertisedPort || bound.port }
          : { host: told?.host ?? spec.host, port: told?.port || bound.port };
      if (i === 0) state.advertised = listener.advertised;
    }
  } catch (err) {
    for (const l of open) l.server.close();
    transactions.close();
    producers.close();
    groups.close();
    topics.close();
    throw err;
  }

  const retention = setInterval(() => topics.applyRetention(Date.now()), settings.retentionCheckIntervalMs);
  retention.unref();

  let closed: Promise<void> | null = null;
  return {
    host: open[0].host,
    port: open[0].port,
    listeners: open.map((l) => ({ protocol: l.spec.protocol, host: l.host, port: l.port })),
    state,
    close() {
      closed ??= (async () => {
        clearInterval(retention);
        const stopped = open.map((l) => new Promise<void>((resolve) => l.server.close(() => resolve())));
        for (const c of connections) c.close();
        await Promise.all(stopped);
        transactions.close();
        producers.close();
        groups.close();
        topics.close();
      })();
      return closed;
    },
  };
}
