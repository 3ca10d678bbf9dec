import { validatePipeline, weatherPipeline, type Pipeline, type PipelineInput } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { PipelineStoppedError } from '../processor/index.js';
import { TopologyTestDriver } from '../testing/index.js';
import { compilePipeline } from './compile-pipeline.js';
import { PipelineCompileError } from './errors.js';

function pipeline(input: Omit<PipelineInput, 'schemaVersion'>): Pipeline {
  const result = validatePipeline({ schemaVersion: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.pipeline;
}

// Formats spelled out, so the unvalidated documents below are complete too.
const source = (id: string, topic: string, extra: object = {}) =>
  ({ id, type: 'source', onError: 'dead-letter', config: { topic, format: 'json', keyFormat: 'string', startFrom: 'earliest', ...extra } }) as const;
const sink = (id: string, topic: string, extra: object = {}) =>
  ({ id, type: 'sink', onError: 'dead-letter', config: { topic, format: 'json', keyFormat: 'string', ...extra } }) as const;
const edge = (from: string, to: string, sourceHandle?: string) => ({ id: `${from}-${to}`, source: from, target: to, ...(sourceHandle ? { sourceHandle } : {}) });

describe('compilePipeline', () => {
  it('runs the weather pipeline: only extreme readings reach the processed topic, in order', () => {
    const weather = validatePipeline(weatherPipeline);
    if (!weather.ok) throw new Error('weather example must be valid');
    const topology = compilePipeline(weather.pipeline);
    const driver = new TopologyTestDriver(topology);
    const readings = [
      { station: 'oslo', temperature: 12.5, humidity: 60, windSpeed: 10, timestamp: 1 },
      { station: 'dubai', temperature: 47.2, humidity: 10, windSpeed: 5, timestamp: 2 },
      { station: 'vostok', temperature: -61, humidity: 30, windSpeed: 20, timestamp: 3 },
      { station: 'bergen', temperature: 8, humidity: 90, windSpeed: 140, timestamp: 4 },
      { station: 'lima', temperature: 22, humidity: 70, windSpeed: 12, timestamp: 5 },
    ];
    driver.pipeInput('raw_weather_topic', readings.map((r) => ({ key: r.station, value: r })));
    const out = driver.readOutput('processed_weather_topic');
    expect(out.map((r) => r.key)).toEqual(['dubai', 'vostok', 'bergen']);
    expect(out[0]!.value).toEqual(readings[1]);
    driver.pipeInput('raw_weather_topic', { key: 'x', value: Buffer.from('not json') });
    const [dead] = driver.readOutput(`${weather.pipeline.name}.dlq`);
    expect(dead!.valueBytes!.toString()).toBe('not json');
  });

  it('keeps node ids and edge ids, so metrics line up with the canvas', () => {
    const topology = compilePipeline(
      pipeline({
        name: 'ids',
        nodes: [sink('out', 'o'), { id: 'hot', type: 'filter', config: { expression: 'value.t > 40' } }, source('raw', 'r')],
        edges: [edge('hot', 'out'), edge('raw', 'hot')],
      }),
    );
    expect(topology.nodes.map((n) => n.name)).toEqual(['raw', 'hot', 'out']);
    expect(topology.edges.map((e) => e.id).sort()).toEqual(['hot-out', 'raw-hot']);
    const driver = new TopologyTestDriver(topology);
    driver.pipeInput('r', [{ value: { t: 41 } }, { value: { t: 41.5 } }, { value: { t: 39 } }]);
    expect(driver.readOutput('o')).toHaveLength(2);
    expect(driver.metrics().edges['raw-hot']!.records).toBe(3);
    expect(driver.metrics().edges['hot-out']!.records).toBe(2);
  });

  it('maps to mixed-type objects, flat-maps lists and re-keys with CEL', () => {
    const topology = compilePipeline(
      pipeline({
        name: 'shapes',
        nodes: [
          source('raw', 'r'),
          { id: 'toF', type: 'map', config: { expression: '{"station": value.station, "f": value.c * 1.8 + 32, "readings": value.list}' } },
          { id: 'each', type: 'flatMap', config: { expression: 'value.readings.map(x, {"station": value.station, "x": x})' } },
          { id: 'rekey', type: 'selectKey', config: { expression: 'value.station + "-" + string(value.x)' } },
          sink('out', 'o'),
        ],
        edges: [edge('raw', 'toF'), edge('toF', 'each'), edge('each', 'rekey'), edge('rekey', 'out')],
      }),
    );
    const driver = new TopologyTestDriver(topology);
    driver.pipeInput('r', { key: 'k', value: { station: 'oslo', c: 100, list: [1, 2] }, timestamp: 3 });
    const out = driver.readOutput('o');
    expect(out.map((r) => [r.key, r.value, r.timestamp])).toEqual([
      ['oslo-1', { station: 'oslo', x: 1 }, 3],
      ['oslo-2', { station: 'oslo', x: 2 }, 3],
    ]);
  });

  it('routes branch outputs by sourceHandle and merges two inputs into one sink', () => {
    const topology = compilePipeline(
      pipeline({
        name: 'routes',
        nodes: [
          source('raw', 'r'),
          { id: 'split', type: 'branch', config: { predicates: [{ name: 'hot', expression: 'value.t > 40.0' }, { name: 'cold', expression: 'value.t < 0.0' }] } },
          sink('extreme', 'extreme'),
          sink('normal', 'normal'),
        ],
        edges: [edge('raw', 'split'), edge('split', 'extreme', 'hot'), { id: 'c', source: 'split', target: 'extreme', sourceHandle: 'cold' }, edge('split', 'normal', 'default')],
      }),
    );
    expect(topology.node('extreme').inputs).toHaveLength(2);
    const driver = new TopologyTestDriver(topology);
    driver.pipeInput('r', [{ value: { t: 50 } }, { value: { t: 10 } }, { value: { t: -5 } }]);
    expect(driver.readOutput('extreme').map((r) => r.value)).toEqual([{ t: 50 }, { t: -5 }]);
    expect(driver.readOutput('normal').map((r) => r.value)).toEqual([{ t: 10 }]);
  });

  it('uses the key and value formats of sources and sinks', () => {
    const topology = compilePipeline(
      pipeline({
        name: 'formats',
        nodes: [source('raw', 'r', { format: 'string', keyFormat: 'bytes' }), sink('out', 'o', { format: 'string', keyFormat: 'bytes' })],
        edges: [edge('raw', 'out')],
      }),
    );
    const driver = new TopologyTestDriver(topology);
    driver.pipeInput('r', { key: Buffer.from([0xff, 0]), value: Buffer.from('plain') });
    const [out] = driver.readOutput('o');
    expect(out!.keyBytes).toEqual(Buffer.from([0xff, 0]));
    expect(out!.valueBytes!.toString()).toBe('plain');
  });

  it('applies each node onError to failing expressions and non-bool filter results', () => {
    const make = (onError: 'dead-letter' | 'skip' | 'stop') =>
      new TopologyTestDriver(
        compilePipeline(
          pipeline({
            name: 'errs',
            nodes: [source('raw', 'r'), { id: 'check', type: 'filter', onError, config: { expression: 'value.flag' } }, sink('out', 'o')],
            edges: [edge('raw', 'check'), edge('check', 'out')],
          }),
        ),
      );
    const dl = make('dead-letter');
    dl.pipeInput('r', [{ value: { flag: 'yes' } }, { value: { other: 1 } }, { value: { flag: true } }]);
    expect(dl.readOutput('o')).toHaveLength(1);
    const dead = dl.readOutput('errs.dlq');
    expect(dead.map((d) => d.headers['sluice.node'])).toEqual(['check', 'check']);
    expect(dead[0]!.headers['sluice.error']).toMatch(/bool/);
    expect(dead[1]!.headers['sluice.source.offset']).toBe('1');

    const skip = make('skip');
    skip.pipeInput('r', [{ value: { flag: 1 } }, { value: { flag: true } }]);
    expect(skip.readOutput('o')).toHaveLength(1);
    expect(skip.outputTopics()).toEqual([]);

    const stop = make('stop');
    expect(() => stop.pipeInput('r', { value: {} })).toThrow(PipelineStoppedError);
  });

  it('sends dead letters to the node topic, else the pipeline setting, else <name>.dlq', () => {
    const topology = compilePipeline(
      pipeline({
        name: 'dlqs',
        settings: { deadLetterTopic: 'all-bad' },
        nodes: [source('raw', 'r'), { id: 'f', type: 'filter', deadLetterTopic: 'f-bad', config: { expression: 'value.x > 1' } }, sink('out', 'o')],
        edges: [edge('raw', 'f'), edge('f', 'out')],
      }),
    );
    expect(topology.node('raw').errors.deadLetterTopic).toBe('all-bad');
    expect(topology.node('f').errors.deadLetterTopic).toBe('f-bad');
  });

  it('reports an expression that does not compile with its path and node', () => {
    const bad = {
      schemaVersion: 1,
      name: 'bad',
      nodes: [source('raw', 'r'), { id: 'hot', type: 'filter', onError: 'dead-letter', position: { x: 0, y: 0 }, config: { expression: 'value.t >' } }, sink('out', 'o')],
      edges: [edge('raw', 'hot'), edge('hot', 'out')],
    } as unknown as Pipeline;
    expect(() => compilePipeline(bad)).toThrow(PipelineCompileError);
    expect(() => compilePipeline(bad)).toThrow(/^nodes\[1\]\.config\.expression \(node "hot"\): /);
  });

  it('refuses a cycle, naming its nodes', () => {
    const cyclic = {
      schemaVersion: 1,
      name: 'loop',
      nodes: [source('raw', 'r'), { id: 'a', type: 'filter', onError: 'skip', config: { expression: 'true' } }, { id: 'b', type: 'filter', onError: 'skip', config: { expression: 'true' } }],
      edges: [edge('raw', 'a'), edge('a', 'b'), edge('b', 'a')],
    } as unknown as Pipeline;
    expect(() => compilePipeline(cyclic)).toThrow('the pipeline has a cycle through "a", "b"; remove an edge to break it');
  });
});
