import { EXTREME_WEATHER } from '@sluice/topology';
import kafkajs, { type Kafka, type Message } from 'kafkajs';

const { CompressionTypes } = kafkajs;

const STATIONS = Array.from({ length: 50 }, (_, i) => `station-${i}`);

/** A reading for sequence number `seq`; about one in twenty is extreme. */
export function reading(seq: number, timestamp: number, extreme = seq % 20 === 0): Message {
  const station = STATIONS[seq % STATIONS.length]!;
  const value = {
    station,
    temperature: extreme ? EXTREME_WEATHER.hotterThan + 5.5 : 10 + (seq % 17),
    humidity: 40 + (seq % 50),
    windSpeed: 5 + (seq % 40),
    timestamp,
  };
  return { key: station, value: JSON.stringify(value), timestamp: String(timestamp) };
}

/** Writes `count` readings as fast as the producer takes them. */
export async function produceReadings(kafka: Kafka, topic: string, count: number, compression = CompressionTypes.None): Promise<void> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const chunk = 5000;
  const inFlight: Promise<unknown>[] = [];
  for (let start = 0; start < count; start += chunk) {
    const now = Date.now();
    const messages = Array.from({ length: Math.min(chunk, count - start) }, (_, i) => reading(start + i, now));
    inFlight.push(producer.send({ topic, acks: -1, messages, compression }));
    if (inFlight.length >= 4) await inFlight.shift();
  }
  await Promise.all(inFlight);
  await producer.disconnect();
}

/** Writes extreme readings at a steady `perSecond`, stamped with the time they are sent. */
export async function produceSteadily(kafka: Kafka, topic: string, perSecond: number, seconds: number): Promise<number> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const tickMs = 10;
  const perTick = (perSecond * tickMs) / 1000;
  const started = Date.now();
  let sent = 0;
  while (Date.now() - started < seconds * 1000) {
    const due = Math.floor(((Date.now() - started) / tickMs + 1) * perTick);
    if (due > sent) {
      const now = Date.now();
      const messages = Array.from({ length: due - sent }, (_, i) => reading(sent + i, now, true));
      sent = due;
      await producer.send({ topic, acks: -1, messages });
    }
    await new Promise((r) => setTimeout(r, tickMs));
  }
  await producer.disconnect();
  return sent;
}
