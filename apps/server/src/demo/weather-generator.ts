import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { WEATHER_TOPICS } from '@sluice/topology';
import { messageOf, type Logger } from '../logger.js';
import { WeatherReadings } from './weather-readings.js';

export interface WeatherGeneratorOptions {
  readonly readingsPerSecond?: number;
  readonly topic?: string;
}

const TICKS_PER_SECOND = 4;

/**
 * Publishes weather readings to raw_weather_topic for as long as the server runs, about 20 a
 * second in small batches. A send that fails (broker down) is logged once and retried with the
 * next batch; the generator never takes the server down.
 */
export class WeatherGenerator {
  private readonly readings = new WeatherReadings();
  private readonly perTick: number;
  private readonly topic: string;
  private producer: Producer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;
  private connected = false;
  private failing = false;
  private sent = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger: Logger,
    options: WeatherGeneratorOptions = {},
  ) {
    this.perTick = Math.max(1, Math.round((options.readingsPerSecond ?? 20) / TICKS_PER_SECOND));
    this.topic = options.topic ?? WEATHER_TOPICS.raw;
  }

  get readingsSent(): number {
    return this.sent;
  }

  start(): void {
    this.producer ??= this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    this.timer ??= setInterval(() => {
      // One batch in flight at a time: a slow broker slows the demo rather than piling up sends.
      this.sending ??= this.sendBatch().finally(() => (this.sending = undefined));
    }, 1_000 / TICKS_PER_SECOND);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sending;
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.connected = false;
  }

  private async sendBatch(): Promise<void> {
    const producer = this.producer!;
    const batch = Array.from({ length: this.perTick }, () => this.readings.take());
    try {
      if (!this.connected) {
        await producer.connect();
        this.connected = true;
      }
      await producer.send({
        topic: this.topic,
        acks: -1,
        messages: batch.map((r) => ({ key: r.station, value: JSON.stringify(r), timestamp: String(r.timestamp) })),
      });
      this.sent += batch.length;
      if (this.failing) this.logger.info('weather demo: publishing readings again');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.logger.warn(`weather demo: cannot publish readings to ${this.topic}: ${messageOf(err)}; retrying`);
      this.failing = true;
    }
  }
}
