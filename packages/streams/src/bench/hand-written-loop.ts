import { EXTREME_WEATHER } from '@sluice/topology';
import { Partitioners, type Consumer, type Kafka, type Message } from 'kafkajs';

/**
 * The "ad hoc processor" the runtime replaces: consume → filter → produce with kafkajs directly,
 * committing after each batch's output is acknowledged, as a careful person would write it.
 */
export async function startHandWrittenLoop(
  kafka: Kafka,
  input: string,
  output: string,
  groupId: string,
  onRecords: (count: number) => void,
): Promise<Consumer> {
  const producer = kafka.producer({ idempotent: false, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 1000 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [input], fromBeginning: true });
  consumer.on(consumer.events.STOP, () => void producer.disconnect());
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset }) => {
      const out: Message[] = [];
      for (const message of batch.messages) {
        const value = JSON.parse(message.value!.toString()) as { temperature: number; windSpeed: number };
        if (
          value.temperature > EXTREME_WEATHER.hotterThan ||
          value.temperature < EXTREME_WEATHER.colderThan ||
          value.windSpeed > EXTREME_WEATHER.windierThan
        ) {
          out.push({ key: message.key, value: message.value, headers: message.headers, timestamp: message.timestamp });
        }
      }
      if (out.length > 0) await producer.send({ topic: output, acks: -1, messages: out });
      const last = batch.lastOffset();
      resolveOffset(last);
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(Number(last) + 1) }]);
      onRecords(batch.messages.length);
    },
  });
  return consumer;
}
