import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEATHER_TOPICS, weatherPipeline } from '@sluice/topology';
import { ConflictError } from '../errors.js';
import type { KafkaConnection } from '../kafka/kafka-connection.js';
import { messageOf, type Logger } from '../logger.js';
import type { PipelineService } from '../pipelines/index.js';
import { writeFileAtomic } from '../pipelines/store/index.js';
import { WeatherGenerator } from './weather-generator.js';

export interface WeatherDemoParts {
  readonly dataDir: string;
  readonly connection: KafkaConnection;
  readonly pipelines: PipelineService;
  readonly logger: Logger;
  readonly readingsPerSecond?: number;
}

const MARKER = 'weather-demo.json';
const RAW_PARTITIONS = 3;

/**
 * The seed example. On a first start (no pipelines, demo never set up) it creates the weather
 * topics and deploys `extreme-weather`; on every start with the demo set up it runs the generator.
 * Returns the generator, or undefined when the demo is not wanted or could not be set up.
 */
export async function startWeatherDemo(parts: WeatherDemoParts): Promise<WeatherGenerator | undefined> {
  const marker = join(parts.dataDir, MARKER);
  if (!existsSync(marker)) {
    if (parts.pipelines.size > 0) return undefined; // not a first start: the user's own pipelines are here
    try {
      await setUp(parts);
    } catch (err) {
      parts.logger.warn(`weather demo: not set up (${messageOf(err)}); it is tried again on the next start`);
      return undefined;
    }
    await writeFileAtomic(marker, JSON.stringify({ createdAt: new Date().toISOString() }, null, 2) + '\n');
  }
  const generator = new WeatherGenerator(parts.connection.kafka, parts.logger, {
    ...(parts.readingsPerSecond ? { readingsPerSecond: parts.readingsPerSecond } : {}),
  });
  generator.start();
  parts.logger.info(`weather demo: publishing readings to ${WEATHER_TOPICS.raw}`);
  return generator;
}

async function setUp(parts: WeatherDemoParts): Promise<void> {
  await parts.connection.withAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const topics = [WEATHER_TOPICS.raw, WEATHER_TOPICS.processed]
      .filter((topic) => !existing.has(topic))
      .map((topic) => ({ topic, numPartitions: RAW_PARTITIONS, replicationFactor: -1 }));
    if (topics.length > 0) await admin.createTopics({ topics, waitForLeaders: true });
  });
  try {
    const created = await parts.pipelines.create(weatherPipeline, { deploy: true });
    parts.logger.info(`weather demo: deployed "${weatherPipeline.name}" as pipeline ${created.id}`);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
}
