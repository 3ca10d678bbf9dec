import { describe, expect, it } from 'vitest';
import { compileExpression, evaluate } from '../cel-compiled.js';
import { validatePipeline } from '../validate.js';
import { EXTREME_WEATHER_EXPRESSION, weatherPipeline } from './weather.js';

describe('weather pipeline', () => {
  it('is valid as written, and survives a JSON round trip unchanged', () => {
    const result = validatePipeline(JSON.parse(JSON.stringify(weatherPipeline)));
    expect(result).toEqual({ ok: true, pipeline: weatherPipeline });
  });

  it('keeps the shape of the SPEC example: raw_weather_topic → filter → processed_weather_topic', () => {
    expect(weatherPipeline.nodes.map((n) => n.type)).toEqual(['source', 'filter', 'sink']);
    expect(weatherPipeline.nodes[0].config).toMatchObject({ topic: 'raw_weather_topic', format: 'json', startFrom: 'earliest' });
    expect(weatherPipeline.nodes[2].config).toMatchObject({ topic: 'processed_weather_topic', format: 'json' });
  });

  const extreme = (() => {
    const result = compileExpression(EXTREME_WEATHER_EXPRESSION, 'bool');
    if (!result.ok) throw new Error(result.error.message);
    return result.expression;
  })();
  const reading = (temperature: number, windSpeed: number) => ({
    key: 'oslo',
    value: { station: 'oslo', temperature, humidity: 60, windSpeed, timestamp: 1700000000000 },
    topic: 'raw_weather_topic',
    partition: 0,
    offset: 0,
    timestamp: 1700000000000,
  });

  it.each([
    [41, 10, true],
    [40.5, 10, true],
    [-25, 10, true],
    [15, 120, true],
    [40, 90, false],
    [20, 30, false],
    [-20, 0, false],
  ])('temperature %s, wind %s → extreme %s', (temperature, wind, expected) => {
    expect(evaluate(extreme, reading(temperature, wind))).toBe(expected);
  });
});
