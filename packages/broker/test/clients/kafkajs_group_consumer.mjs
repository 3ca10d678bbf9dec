// A kafkajs consumer-group member in its own process (so a test can SIGKILL it). Same output as
// group_consumer.py: one JSON object a line for assignments and records; SIGTERM disconnects cleanly.
// Usage: node kafkajs_group_consumer.mjs BOOTSTRAP GROUP TOPIC CLIENT_ID [SESSION_TIMEOUT_MS]
import { Kafka, logLevel } from 'kafkajs';

const [bootstrap, groupId, topic, clientId, sessionArg] = process.argv.slice(2);
const sessionTimeout = Number(sessionArg ?? 6000);
const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');

const kafka = new Kafka({ clientId, brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100 } });
const consumer = kafka.consumer({ groupId, sessionTimeout, heartbeatInterval: Math.max(100, Math.floor(sessionTimeout / 6)), maxWaitTimeInMs: 200 });
consumer.on(consumer.events.GROUP_JOIN, (e) => emit({ event: 'assigned', partitions: (e.payload.memberAssignment[topic] ?? []).sort((a, b) => a - b) }));

await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({
  autoCommit: false,
  eachMessage: async ({ partition, message }) => {
    emit({ event: 'record', partition, offset: Number(message.offset), value: message.value.toString() });
    await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
  },
});
process.once('SIGTERM', async () => {
  await consumer.disconnect();
  emit({ event: 'closed' });
  process.exit(0);
});
