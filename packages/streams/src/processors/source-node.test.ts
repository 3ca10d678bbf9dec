import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyTestDriver } from '../testing/index.js';

describe('SourceNode', () => {
  it('reads keys and values in the json, string and bytes formats', () => {
    const seen: unknown[] = [];
    const b = new StreamsBuilder({ name: 'src' });
    b.stream('j', { keySerde: 'json', valueSerde: 'json' }).mapValues((r) => seen.push([r.key, r.value]));
    b.stream('s', { keySerde: 'string', valueSerde: 'string' }).mapValues((r) => seen.push([r.key, r.value]));
    b.stream('b', { keySerde: 'bytes', valueSerde: 'bytes' }).mapValues((r) => seen.push([r.key, r.value]));
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('j', { key: Buffer.from('{"id":1}'), value: Buffer.from('[1,2.5,"x"]') });
    driver.pipeInput('s', { key: Buffer.from('k'), value: Buffer.from('plain text') });
    driver.pipeInput('b', { key: Buffer.from([1]), value: Buffer.from([0, 255]) });
    driver.pipeInput('j', { key: null, value: null });
    expect(seen).toEqual([
      [{ id: 1 }, [1, 2.5, 'x']],
      ['k', 'plain text'],
      [Buffer.from([1]), Buffer.from([0, 255])],
      [null, null],
    ]);
    expect(Buffer.isBuffer((seen[2] as unknown[])[1])).toBe(true);
  });

  it('dead-letters a value that is not valid JSON, with the exact bytes and why', () => {
    const b = new StreamsBuilder({ name: 'weather' });
    b.stream('raw', { name: 'raw' }).to('out');
    const driver = new TopologyTestDriver(b.build());
    const bad = Buffer.from('{"station": "oslo", ');
    driver.pipeInput('raw', [{ key: 'oslo', value: { ok: 1 } }, { key: 'oslo', value: bad, headers: { origin: 'gen' }, timestamp: 99 }]);
    expect(driver.readOutput('out')).toHaveLength(1);
    const [dead] = driver.readOutput('weather.dlq');
    expect(dead!.kind).toBe('dead-letter');
    expect(dead!.valueBytes).toEqual(bad);
    expect(dead!.keyBytes).toEqual(Buffer.from('oslo'));
    expect(dead!.timestamp).toBe(99);
    expect(dead!.headers).toMatchObject({
      origin: 'gen',
      'sluice.pipeline': 'weather',
      'sluice.node': 'raw',
      'sluice.source.topic': 'raw',
      'sluice.source.partition': '0',
      'sluice.source.offset': '1',
    });
    expect(dead!.headers['sluice.error']).toMatch(/^record value is not valid JSON/);
    expect(driver.metrics().nodes.raw).toMatchObject({ recordsIn: 2, recordsOut: 1, errors: 1, deadLetters: 1 });
  });

  it('reports a bad JSON key as a key error', () => {
    const b = new StreamsBuilder({ name: 'k' });
    b.stream('raw', { keySerde: 'json' }).to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', { key: Buffer.from('oops'), value: 1 });
    expect(driver.readOutput('k.dlq')[0]!.headers['sluice.error']).toMatch(/^record key is not valid JSON/);
  });
});
