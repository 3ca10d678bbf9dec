import type { AppendNotifier } from './cluster/append-notifier.js';
import type { TopicRegistry } from './cluster/topic-registry.js';
import type { BrokerSettings } from './config/broker-config.js';
import type { Logger } from './logger.js';
import type { ProducerStates } from './producers/index.js';
import type { TransactionCoordinator } from './transactions/index.js';

/** Everything the API handlers work on: the one object that holds the cluster's state. */
export interface BrokerState {
  settings: BrokerSettings;
  clusterId: string;
  /** Host and port that clients are told to connect to (Metadata, FindCoordinator). */
  advertised: { host: string; port: number };
  topics: TopicRegistry;
  appends: AppendNotifier;
  /** Idempotent/transactional producer state per partition (sequences, open transactions, LSO). */
  producers: ProducerStates;
  transactions: TransactionCoordinator;
  logger: Logger;
}
