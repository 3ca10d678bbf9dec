import { describe, expect, it } from 'vitest';
import { PassThroughProcessor } from '../processors/index.js';
import { jsonSerde, stringSerde } from '../serdes/index.js';
import { TopologyBuilder } from './topology-builder.js';

const pass = PassThroughProcessor.supplier();
const source = { topic: 'in', keySerde: stringSerde, valueSerde: jsonSerde };
const sink = { topic: 'out', keySerde: stringSerde, valueSerde: jsonSerde };

describe('TopologyBuilder', () => {
  it('links nodes in order, with edges, sources, sinks and dead-letter topics', () => {
    const t = new TopologyBuilder('app')
      .addSource('src', { ...source, startFrom: 'latest' })
      .addProcessor('route', pass, ['src'], { outputs: ['a', 'default'] })
      .addProcessor('p', pass, [{ node: 'route', output: 'a', edgeId: 'e2' }], { onError: 'skip' })
      .addSink('snk', sink, ['p', { node: 'route', output: 'default' }])
      .build();
    expect(t.nodes.map((n) => [n.name, n.kind, n.index])).toEqual([
      ['src', 'source', 0],
      ['route', 'processor', 1],
      ['p', 'processor', 2],
      ['snk', 'sink', 3],
    ]);
    expect(t.edges.map((e) => e.id)).toEqual(['src->route', 'e2', 'p->snk', 'route.default->snk']);
    expect(t.sourceTopics()).toEqual(['in']);
    expect(t.sinkTopics()).toEqual(['out']);
    expect(t.node('src').source!.startFrom).toBe('latest');
    expect(t.node('p').errors).toEqual({ onError: 'skip', deadLetterTopic: 'app.dlq' });
    expect(t.deadLetterTopics()).toEqual(['app.dlq']);
    expect(t.describe()).toContain('Source: src (topic: in)\n    --> route');
  });

  it('rejects duplicate names, unknown parents and children of sinks', () => {
    const b = new TopologyBuilder('app').addSource('src', source).addSink('snk', sink, ['src']);
    expect(() => b.addSource('src', source)).toThrow('node name "src" is already used in topology "app"; names must be unique');
    expect(() => b.addProcessor('p', pass, ['nope'])).toThrow(/names parent "nope", which is not in the topology/);
    expect(() => b.addProcessor('q', pass, ['snk'])).toThrow(/sink "snk" cannot have children/);
    expect(() => b.addProcessor('r', pass, [])).toThrow(/needs at least one parent/);
  });

  it('checks named outputs both ways', () => {
    const b = new TopologyBuilder('app').addSource('src', source).addProcessor('br', pass, ['src'], { outputs: ['x', 'default'] });
    expect(() => b.addProcessor('p1', pass, ['br'])).toThrow(/must name one of the outputs of "br": x, default/);
    expect(() => b.addProcessor('p2', pass, [{ node: 'br', output: 'y' }])).toThrow(/\(not "y"\)/);
    expect(() => b.addProcessor('p3', pass, [{ node: 'src', output: 'x' }])).toThrow(/"src" has no named outputs/);
  });

  it('rejects a doubled link, a repeated edge id and a bad onError', () => {
    const b = new TopologyBuilder('app').addSource('src', source).addProcessor('a', pass, ['src'], {});
    expect(() => b.addProcessor('b', pass, ['src', 'src'])).toThrow(/linked to "src" twice/);
    expect(() => b.addProcessor('c', pass, [{ node: 'a', edgeId: 'src->a' }])).toThrow(/edge id "src->a" is used twice/);
    expect(() => b.addProcessor('d', pass, ['a'], { onError: 'ignore' as never })).toThrow(/onError "ignore" is not one of/);
  });
});
