import { registerKafkaCodecs } from '@sluice/kafka-codecs';
import { describeConnection, explainSecurityFailure, kafkaJsSecurity, PLAINTEXT_CONNECTION, type KafkaConnectionSettings } from '@sluice/kafka-admin';
import { Kafka, Partitioners, type Admin, type Producer } from 'kafkajs';
import { BrokerUnavailableError } from '../errors.js';
import { messageOf, type Logger } from '../logger.js';
import { isBrokerUnreachable, protocolErrorType, rootMessage } from './kafka-errors.js';
import { kafkaLogCreator } from './kafka-log.js';
import type { BrokerConnectionState, BrokerHealth } from '@sluice/api';

export type { BrokerConnectionState, BrokerHealth } from '@sluice/api';


const CHECK_EVERY_MS = 5_000;

/**
 * The server's own clients of the cluster (one admin, one producer) and what is known about
 * reaching it. Calls fail fast with BrokerUnavailableError (503) rather than hanging an API request
 * in kafkajs's retries. Pipelines have their own clients in their workers.
 */
export class KafkaConnection {
  readonly kafka: Kafka;
  private state: BrokerConnectionState = 'connecting';
  private lastError: string | undefined;
  private checkedAt: Date | undefined;
  private admin: Promise<Admin> | undefined;
  private producer: Promise<Producer> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly brokers: readonly string[],
    private readonly logger: Logger,
    /** TLS and SASL from --command-config; shared with the pipelines' workers. */
    readonly settings: KafkaConnectionSettings = PLAINTEXT_CONNECTION,
  ) {
    // The topic browser and the server's consumers read every codec a producer may have used.
    registerKafkaCodecs();
    this.kafka = new Kafka({
      clientId: 'sluice-server',
      brokers: [...brokers],
      ...kafkaJsSecurity(settings),
      connectionTimeout: 3_000,
      requestTimeout: 15_000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
      logCreator: kafkaLogCreator(logger),
    });
  }

  /** Checks the cluster now and every few seconds after, so health is current without a request. */
  startMonitoring(): void {
    const check = () => void this.withAdmin((admin) => admin.describeCluster()).catch(() => undefined);
    check();
    this.timer ??= setInterval(check, CHECK_EVERY_MS);
    this.timer.unref();
  }

  health(): BrokerHealth {
    return {
      state: this.state,
      bootstrapServers: [...this.brokers],
      ...(this.state === 'unreachable' && this.lastError ? { error: this.lastError } : {}),
      ...(this.checkedAt ? { checkedAt: this.checkedAt.toISOString() } : {}),
    };
  }

  /** Runs one admin call; a cluster that cannot be reached becomes BrokerUnavailableError. */
  async withAdmin<T>(call: (admin: Admin) => Promise<T>): Promise<T> {
    try {
      return await this.track(async () => call(await this.connectedAdmin()), () => this.dropAdmin());
    } catch (err) {
      // kafkajs keeps refreshing metadata for every topic the admin ever looked at and fails all
      // later calls once one of them is deleted by someone else: a fresh admin forgets them.
      if (protocolErrorType(err) === 'UNKNOWN_TOPIC_OR_PARTITION') this.dropAdmin();
      throw err;
    }
  }

  /** Runs one call with the shared producer (acks=all, no topic auto-creation). */
  async withProducer<T>(call: (producer: Producer) => Promise<T>): Promise<T> {
    return this.track(async () => call(await this.connectedProducer()), () => this.dropProducer());
  }

  /** Records whether a call reached the cluster and maps unreachable errors to a 503. */
  async track<T>(call: () => Promise<T>, onUnreachable?: () => void): Promise<T> {
    try {
      const result = await call();
      this.markReachable();
      return result;
    } catch (err) {
      // Wrong credentials or an untrusted certificate: the cluster cannot be used, say why in one line.
      const security = explainSecurityFailure(err, this.settings);
      if (security) {
        onUnreachable?.();
        this.markUnreachable(new Error(security));
        throw new BrokerUnavailableError(`cannot use the Kafka cluster at ${this.brokers.join(',')}: ${security}`);
      }
      if (!isBrokerUnreachable(err)) {
        this.markReachable();
        throw err;
      }
      onUnreachable?.();
      this.markUnreachable(err);
      throw new BrokerUnavailableError(
        `cannot reach the Kafka cluster at ${this.brokers.join(',')} (${rootMessage(err)}); check that the broker is running`,
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const admin = this.admin;
    const producer = this.producer;
    this.admin = this.producer = undefined;
    await Promise.all([
      admin?.then((a) => a.disconnect()).catch(() => undefined),
      producer?.then((p) => p.disconnect()).catch(() => undefined),
    ]);
  }

  private connectedAdmin(): Promise<Admin> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((err: unknown) => {
      this.admin = undefined;
      throw err;
    });
    return this.admin;
  }

  private connectedProducer(): Promise<Producer> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    this.producer ??= (async () => {
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      return producer;
    })().catch((err: unknown) => {
      this.producer = undefined;
      throw err;
    });
    return this.producer;
  }

  /** A client that lost the cluster is replaced on next use, so a restarted broker is found again. */
  private dropAdmin(): void {
    const admin = this.admin;
    this.admin = undefined;
    void admin?.then((a) => a.disconnect()).catch(() => undefined);
  }

  private dropProducer(): void {
    const producer = this.producer;
    this.producer = undefined;
    void producer?.then((p) => p.disconnect()).catch(() => undefined);
  }

  private markReachable(): void {
    if (this.state !== 'connected') this.logger.info(`connected to the Kafka cluster at ${this.brokers.join(',')} (${describeConnection(this.settings)})`);
    this.state = 'connected';
    this.lastError = undefined;
    this.checkedAt = new Date();
  }

  private markUnreachable(err: unknown): void {
    const why = rootMessage(err);
    if (this.state !== 'unreachable') this.logger.warn(`cannot reach the Kafka cluster at ${this.brokers.join(',')}: ${why}`);
    this.state = 'unreachable';
    this.lastError = why || messageOf(err);
    this.checkedAt = new Date();
  }
}
