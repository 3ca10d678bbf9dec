import { EXTREME_WEATHER_EXPRESSION } from '@sluice/topology';
import { compileExpression, evaluate } from '@sluice/topology/runtime';
import { describe, expect, it } from 'vitest';
import { isExtreme, STATIONS, WeatherReadings } from './weather-readings.js';

/** A small deterministic generator, so the test sees the same readings every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('WeatherReadings', () => {
  const readings = new WeatherReadings(seeded(42), () => 1_700_000_000_000);
  const sample = Array.from({ length: 6_000 }, () => readings.take());

  it('cycles through the stations with the fields the demo promises', () => {
    expect(sample.slice(0, STATIONS.length).map((r) => r.station)).toEqual(STATIONS.map((s) => s.name));
    expect(Object.keys(sample[0]!).sort()).toEqual(['humidity', 'station', 'temperature', 'timestamp', 'windSpeed']);
    expect(sample.every((r) => r.humidity >= 5 && r.humidity <= 100 && r.windSpeed >= 0)).toBe(true);
  });

  it('makes a few readings extreme: a small share, but some of each kind', () => {
    const extreme = sample.filter(isExtreme);
    expect(extreme.length).toBeGreaterThan(sample.length * 0.01);
    expect(extreme.length).toBeLessThan(sample.length * 0.06);
    expect(extreme.some((r) => r.temperature > 40)).toBe(true);
    expect(extreme.some((r) => r.temperature < -20)).toBe(true);
    expect(extreme.some((r) => r.windSpeed > 90)).toBe(true);
  });

  it('agrees with the pipeline filter on which readings are extreme', () => {
    const compiled = compileExpression(EXTREME_WEATHER_EXPRESSION, 'bool');
    if (!compiled.ok) throw new Error(compiled.error.message);
    for (const reading of sample.slice(0, 2_000)) {
      const kept = evaluate(compiled.expression, {
        key: reading.station,
        value: { ...reading },
        headers: {},
        topic: 'raw_weather_topic',
        partition: 0,
        offset: 0,
        timestamp: reading.timestamp,
      });
      expect(kept).toBe(isExtreme(reading));
    }
  });
});
