import { EXTREME_WEATHER, validatePipeline, weatherPipeline, WEATHER_TOPICS, type Pipeline } from '@sluice/topology';
import type { Message } from 'kafkajs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PipelineRunner } from '../src/index.js';
import { committed, createTopic, endOffsets, produce, readTopic, until, useBroker } from './helpers.js';

const env = useBroker();
let pipeline: Pipeline;

beforeAll(async () => {
  await createTopic(env.admin, WEATHER_TOPICS.raw, 3);
  const result = validatePipeline(weatherPipeline);
  if (!result.ok) throw new Error('the weather example must validate');
  pipeline = result.pipeline;
});

interface Reading {
  station: string;
  seq: number;
  temperature: number;
  humidity: number;
  windSpeed: number;
  timestamp: number;
}

const STATIONS = ['oslo', 'dubai', 'vostok', 'lima', 'bergen', 'perth'];
const BASE_TIME = 1_700_000_000_000;

// Deterministic readings; every 7th is hot, every 11th stormy, so a known subset is extreme.
function readings(from: number, count: number): Reading[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = from + i;
    return {
      station: STATIONS[seq % STATIONS.length]!,
      seq,
      temperature: seq % 7 === 0 ? 45.5 : 15 + (seq % 10),
      humidity: 50,
      windSpeed: seq % 11 === 0 ? 120 : 20,
      timestamp: BASE_TIME + seq,
    };
  });
}

const isExtreme = (r: Reading) =>
  r.temperature > EXTREME_WEATHER.hotterThan || r.temperature < EXTREME_WEATHER.colderThan || r.windSpeed > EXTREME_WEATHER.windierThan;

const toMessage = (r: Reading): Message => ({
  key: r.station,
  value: JSON.stringify(r),
  timestamp: String(r.timestamp),
  headers: { trace: `t-${r.seq}` },
});

describe('PipelineRunner on the embedded broker: the weather pipeline', () => {
  const groupId = 'sluice-weather-it';
  const first = readings(0, 600);

  it('writes exactly the extreme readings, in order per station, and dead-letters bad records', async () => {
    const bad = [
      { key: 'oslo', value: '{"station": "oslo", "temperature": ', timestamp: String(BASE_TIME), headers: { trace: 'bad-1' } },
      { key: 'lima', value: 'not json at all', timestamp: String(BASE_TIME), headers: { trace: 'bad-2' } },
    ];
    await produce(env.kafka, WEATHER_TOPICS.raw, [...first.slice(0, 300).map(toMessage), ...bad, ...first.slice(300).map(toMessage)]);

    const runner = PipelineRunner.fromPipeline(pipeline, { pipelineId: 'weather-it', brokers: [env.broker.bootstrap] });
    expect(runner.consumerGroup).toBe(groupId);
    await runner.start();
    const expected = first.filter(isExtreme);
    await until(() => runner.metrics().recordsProduced >= expected.length && runner.metrics().deadLettersProduced >= 2, 'the pipeline to catch up');
    const metrics = runner.metrics();
    await runner.stop();
    expect(runner.state).toBe('stopped');

    const out = await readTopic(env.kafka, env.admin, WEATHER_TOPICS.processed);
    const got = out.map((r) => JSON.parse(r.value!.toString()) as Reading);
    expect(got.map((r) => r.seq).sort((a, b) => a - b)).toEqual(expected.map((r) => r.seq));
    // Keys kept, so one station's readings share a partition and keep their order there.
    for (const station of STATIONS) {
      const seqs = got.filter((r) => r.station === station).map((r) => r.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    for (const record of out) {
      const reading = JSON.parse(record.value!.toString()) as Reading;
      expect(record.key).toBe(reading.station);
      expect(record.timestamp).toBe(reading.timestamp);
      expect(record.headers.trace).toBe(`t-${reading.seq}`);
    }

    const dead = await readTopic(env.kafka, env.admin, 'extreme-weather.dlq');
    expect(dead.map((r) => r.value!.toString()).sort()).toEqual(bad.map((b) => b.value).sort());
    for (const record of dead) {
      expect(record.headers['sluice.pipeline']).toBe('extreme-weather');
      expect(record.headers['sluice.node']).toBe('raw');
      expect(record.headers['sluice.error']).toMatch(/not valid JSON/);
      expect(record.headers['sluice.source.topic']).toBe(WEATHER_TOPICS.raw);
      expect(record.headers.trace).toMatch(/^bad-/);
      expect(Number(record.headers['sluice.source.offset'])).toBeGreaterThanOrEqual(0);
    }

    // At-least-once: everything consumed is committed once its output is acknowledged.
    expect(await committed(env.admin, groupId, WEATHER_TOPICS.raw)).toEqual(await endOffsets(env.admin, WEATHER_TOPICS.raw));

    expect(metrics.nodes.raw!.recordsIn).toBe(first.length + bad.length);
    expect(metrics.nodes.raw!.deadLetters).toBe(2);
    expect(metrics.nodes.extreme).toMatchObject({ recordsIn: first.length, recordsOut: expected.length, errors: 0 });
    expect(metrics.edges['extreme-processed']!.records).toBe(expected.length);
    expect(metrics.totalLag).toBe(0);
    expect(metrics.sources.map((s) => s.partition)).toEqual([0, 1, 2]);
    expect(metrics.latencyMs.count).toBe(expected.length);
  }, 120_000);

  it('resumes from the committed offsets after a restart, without reprocessing', async () => {
    const runner = PipelineRunner.fromPipeline(pipeline, { pipelineId: 'weather-it', brokers: [env.broker.bootstrap] });
    // One instance can be stopped and started again.
    await runner.start();
    await runner.stop();
    const more = readings(600, 120);
    await produce(env.kafka, WEATHER_TOPICS.raw, more.map(toMessage));
    await runner.start();
    expect(runner.state).toBe('running');
    const expected = more.filter(isExtreme);
    await until(async () => {
      const ends = await endOffsets(env.admin, WEATHER_TOPICS.raw);
      const done = await committed(env.admin, groupId, WEATHER_TOPICS.raw);
      return ends.every((end, i) => done[i] === end);
    }, 'the restarted pipeline to commit the new records');
    expect(runner.metrics().recordsProduced).toBe(expected.length);
    await runner.stop();

    const all = (await readTopic(env.kafka, env.admin, WEATHER_TOPICS.processed)).map((r) => (JSON.parse(r.value!.toString()) as Reading).seq);
    expect(all.sort((a, b) => a - b)).toEqual([...first, ...more].filter(isExtreme).map((r) => r.seq));
  }, 120_000);
});
