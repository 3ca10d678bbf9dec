import { describe, expect, it } from 'vitest';
import { pipelineNodeSchema } from '../pipeline.js';
import { NODE_REGISTRY, NODE_TYPES } from './index.js';

function parse(node: unknown) {
  return pipelineNodeSchema.safeParse(node);
}

function messages(node: unknown): string[] {
  const result = parse(node);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('node schemas', () => {
  it('source: fills formats, startFrom, position and onError defaults', () => {
    const result = parse({ id: 'raw', type: 'source', config: { topic: 'raw_weather_topic' } });
    expect(result.success && result.data).toEqual({
      id: 'raw',
      type: 'source',
      position: { x: 0, y: 0 },
      onError: 'dead-letter',
      config: { topic: 'raw_weather_topic', format: 'json', keyFormat: 'string', startFrom: 'earliest' },
    });
  });

  it('source: keeps explicit choices', () => {
    const node = {
      id: 'raw',
      type: 'source',
      label: 'Raw',
      position: { x: 1, y: 2 },
      onError: 'stop',
      deadLetterTopic: 'raw.errors',
      config: { topic: 'raw', format: 'bytes', keyFormat: 'json', startFrom: 'latest' },
    };
    const result = parse(node);
    expect(result.success && result.data).toEqual(node);
  });

  it.each(NODE_TYPES.filter((type) => NODE_REGISTRY[type].info.fields.some((f) => f.name === 'expression')))('%s: takes an expression', (type) => {
    const result = parse({ id: 'n', type, position: { x: 0, y: 0 }, onError: 'skip', config: { expression: 'value' } });
    expect(result.success && result.data).toMatchObject({ type, onError: 'skip', config: { expression: 'value' } });
  });

  it('branch: takes named predicates', () => {
    const config = { predicates: [{ name: 'hot', expression: 'value.t > 40.0' }, { name: 'cold_1', expression: 'value.t < 0.0' }] };
    const result = parse({ id: 'split', type: 'branch', config });
    expect(result.success && result.data.config).toEqual(config);
  });

  it('sink: fills format defaults', () => {
    const result = parse({ id: 'out', type: 'sink', config: { topic: 'processed' } });
    expect(result.success && result.data.config).toEqual({ topic: 'processed', format: 'json', keyFormat: 'string' });
  });

  it('drops unknown node-level fields that a canvas adds', () => {
    const result = parse({ id: 'out', type: 'sink', selected: true, measured: { width: 3 }, config: { topic: 'processed' } });
    expect(result.success && Object.keys(result.data)).toEqual(['id', 'type', 'position', 'onError', 'config']);
  });

  it('rejects unknown config fields', () => {
    expect(messages({ id: 'f', type: 'filter', config: { expression: 'true', expresion: 'x' } })).toEqual([
      'config: Unrecognized key: "expresion"',
    ]);
  });

  it('checks topic names the way Kafka does', () => {
    expect(messages({ id: 's', type: 'sink', config: { topic: 'has space' } })).toEqual([
      "config.topic: topic names use only letters, digits, '.', '_' and '-'",
    ]);
    expect(messages({ id: 's', type: 'sink', config: { topic: '..' } })).toEqual(['config.topic: topic name cannot be "." or ".."']);
    expect(messages({ id: 's', type: 'sink', config: { topic: 'x'.repeat(250) } })).toEqual([
      'config.topic: topic names are at most 249 characters',
    ]);
    expect(messages({ id: 's', type: 'sink', config: { topic: '' } })).toEqual(['config.topic: topic is required: name the Kafka topic']);
  });

  it('checks node ids', () => {
    expect(messages({ id: 'a b', type: 'sink', config: { topic: 't' } })).toEqual([
      "id: node ids use only letters, digits, '.', '_' and '-'",
    ]);
  });

  it('branch: output names are unique identifiers and not "default"', () => {
    const predicates = [
      { name: 'hot', expression: 'true' },
      { name: 'hot', expression: 'true' },
      { name: 'default', expression: 'true' },
      { name: '1st', expression: 'true' },
    ];
    expect(messages({ id: 'b', type: 'branch', config: { predicates } })).toEqual([
      'config.predicates.3.name: output names start with a letter or "_" and use only letters, digits and "_"',
      'config.predicates.1.name: duplicate output name "hot" (also predicates[0]): names must be unique',
      'config.predicates.2.name: "default" is the output for records no predicate matches: choose another name',
    ]);
  });

  it('branch: needs at least one predicate', () => {
    expect(messages({ id: 'b', type: 'branch', config: { predicates: [] } })).toEqual([
      'config.predicates: a branch needs at least one predicate',
    ]);
  });

  it('rejects an unknown onError mode', () => {
    expect(parse({ id: 'f', type: 'filter', onError: 'ignore', config: { expression: 'true' } }).success).toBe(false);
  });
});
