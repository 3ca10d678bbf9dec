import type { KafkaConnectionSettings } from '@sluice/kafka-admin';
import type { Admin, Kafka } from 'kafkajs';
import { createKafka } from './client.js';

export interface AdminSessionOptions {
  brokers: string[];
  connection?: KafkaConnectionSettings;
  env: Record<string, string | undefined>;
  stderr: NodeJS.WritableStream;
}

/**
 * Connects an admin client, runs `fn`, and always disconnects (so the process can exit). `fn` also
 * gets the client, for the few things that need a consumer.
 */
export async function withAdmin<T>(opts: AdminSessionOptions, fn: (admin: Admin, kafka: Kafka) => Promise<T>): Promise<T> {
  const kafka = createKafka({ ...opts, clientId: 'sluice-admin' });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(admin, kafka);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
