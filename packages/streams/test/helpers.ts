import { startBrokerProcess, testKafka, type BrokerProcess } from '@sluice/broker/testing';
import type { Admin, Kafka } from 'kafkajs';
import { afterAll, beforeAll } from 'vitest';

export { committed, createTopic, endOffsets, produce, readTopic, testKafka, type ReadRecord } from '@sluice/broker/testing';

/** Polls until `check` holds; the suite's timeout bounds the wait. */
export async function until(check: () => boolean | Promise<boolean>, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * One real broker process for a test file, with a kafkajs client and a connected admin, stopped
 * after the file's tests. Read the fields inside tests and hooks (they are set in beforeAll).
 */
export function useBroker(): { readonly broker: BrokerProcess; readonly kafka: Kafka; readonly admin: Admin } {
  const env = {} as { broker: BrokerProcess; kafka: Kafka; admin: Admin };
  beforeAll(async () => {
    env.broker = await startBrokerProcess();
    env.kafka = testKafka(env.broker.bootstrap);
    env.admin = env.kafka.admin();
    await env.admin.connect();
  });
  afterAll(async () => {
    await env.admin?.disconnect();
    await env.broker?.stop();
    env.broker?.cleanup();
  });
  return env;
}
