import { Kafka, logLevel } from 'kafkajs';

/** A kafkajs client for a test broker; failures surface through the assertions. */
export function kafkaClient(bootstrap: string, clientId = 'sluice-test'): Kafka {
  return new Kafka({
    clientId,
    brokers: [bootstrap],
    logLevel: logLevel.NOTHING, // expected protocol errors would fill the test output
    retry: { retries: 3, initialRetryTime: 100 },
  });
}
