import { compressionType, registerKafkaCodecs, type CodecName } from '@sluice/kafka-codecs';
import type { Admin, Kafka } from 'kafkajs';
import { produceReadings } from './weather-load.js';

/**
 * How fast a plain kafkajs consumer reads a topic written with each codec (the decompression
 * cost a pipeline pays), as records per second; the best of `rounds` reads per codec.
 */
export async function codecConsumeRates(kafka: Kafka, admin: Admin, records: number, rounds: number): Promise<Map<CodecName, number>> {
  registerKafkaCodecs();
  const codecs: CodecName[] = ['none', 'zstd', 'lz4', 'snappy'];
  await admin.createTopics({ topics: codecs.map((c) => ({ topic: `bench-codec-${c}`, numPartitions: 3, replicationFactor: 1 })), waitForLeaders: true });
  for (const codec of codecs) await produceReadings(kafka, `bench-codec-${codec}`, records, compressionType(codec));
  const best = new Map<CodecName, number>();
  for (let round = 1; round <= rounds; round++) {
    for (const codec of codecs) {
      const rate = await consumeAll(kafka, `bench-codec-${codec}`, `bench-codec-${codec}-${round}`, records);
      best.set(codec, Math.max(best.get(codec) ?? 0, rate));
    }
  }
  return best;
}

async function consumeAll(kafka: Kafka, topic: string, groupId: string, total: number): Promise<number> {
  const consumer = kafka.consumer({ groupId, maxBytes: 10 * 1024 * 1024 });
  let count = 0;
  let first = 0;
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  // From the moment the group is joined: fetching, decompressing and decoding all count.
  consumer.on(consumer.events.GROUP_JOIN, () => (first = performance.now()));
  const finished = new Promise<number>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        count += batch.messages.length;
        if (count >= total) resolve(total / ((performance.now() - first) / 1000));
      },
    });
  });
  const rate = await finished;
  await consumer.disconnect();
  return rate;
}
