import type { Pipeline } from '../pipeline.js';

/** The demo's topics: the generator writes raw readings, the pipeline writes the extreme ones. */
export const WEATHER_TOPICS = {
  raw: 'raw_weather_topic',
  processed: 'processed_weather_topic',
} as const;

/**
 * What counts as extreme weather; the generator uses the same bounds so that "a few" readings
 * cross them. Temperatures in °C, wind speed in km/h.
 */
export const EXTREME_WEATHER = {
  hotterThan: 40,
  colderThan: -20,
  windierThan: 90,
} as const;

export const EXTREME_WEATHER_EXPRESSION =
  `value.temperature > ${EXTREME_WEATHER.hotterThan}.0 || ` +
  `value.temperature < ${EXTREME_WEATHER.colderThan}.0 || ` +
  `value.windSpeed > ${EXTREME_WEATHER.windierThan}.0`;

/**
 * The seed pipeline of the weather demo: readings keyed by station, in JSON
 * (`{"station", "temperature", "humidity", "windSpeed", "timestamp"}`), filtered to the extreme ones.
 */
export const weatherPipeline: Pipeline = {
  schemaVersion: 1,
  name: 'extreme-weather',
  description: 'Keeps the extreme weather readings: heat, frost and storm-force wind.',
  nodes: [
    {
      id: 'raw',
      type: 'source',
      label: 'Raw readings',
      position: { x: 0, y: 0 },
      onError: 'dead-letter',
      config: { topic: WEATHER_TOPICS.raw, format: 'json', keyFormat: 'string', startFrom: 'earliest' },
    },
    {
      id: 'extreme',
      type: 'filter',
      label: 'Extreme only',
      position: { x: 250, y: 0 },
      onError: 'dead-letter',
      config: { expression: EXTREME_WEATHER_EXPRESSION },
    },
    {
      id: 'processed',
      type: 'sink',
      label: 'Processed readings',
      position: { x: 500, y: 0 },
      onError: 'dead-letter',
      config: { topic: WEATHER_TOPICS.processed, format: 'json', keyFormat: 'string' },
    },
  ],
  edges: [
    { id: 'raw-extreme', source: 'raw', target: 'extreme' },
    { id: 'extreme-processed', source: 'extreme', target: 'processed' },
  ],
};
