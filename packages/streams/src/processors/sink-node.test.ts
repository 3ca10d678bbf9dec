import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyTestDriver } from '../testing/index.js';

describe('SinkNode', () => {
  it('writes key and value in its own formats, carrying headers and timestamp', () => {
    const b = new StreamsBuilder({ name: 'out' });
    b.stream('raw', { valueSerde: 'json' }).to('text', { name: 'sink', keySerde: 'string', valueSerde: 'string' });
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', { key: 'k', value: 'hello', headers: { h: Buffer.from([1]) }, timestamp: 42 });
    const [out] = driver.readOutput('text');
    expect(out!.valueBytes!.toString()).toBe('hello');
    expect(out!.headers).toEqual({ h: Buffer.from([1]) });
    expect(out!.timestamp).toBe(42);
    expect(driver.metrics().nodes.sink).toMatchObject({ recordsIn: 1, recordsOut: 1 });
  });

  it('dead-letters a value its format cannot write', () => {
    const b = new StreamsBuilder({ name: 'out' });
    b.stream('raw').to('bin', { name: 'sink', valueSerde: 'bytes' });
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', { value: { structured: true } });
    expect(driver.readOutput('bin')).toEqual([]);
    const [dead] = driver.readOutput('out.dlq');
    expect(dead!.headers['sluice.node']).toBe('sink');
    expect(dead!.headers['sluice.error']).toMatch(/record value for the bytes format: .*use format "json"/);
    expect(dead!.valueBytes!.toString()).toBe('{"structured":true}');
  });

  it('writes an unchanged record with the consumed bytes when the formats match, else encodes it', () => {
    const b = new StreamsBuilder({ name: 'out' });
    const hot = b.stream('raw', { valueSerde: 'json' }).filter((r) => (r.value as { t: number }).t > 1, 'hot');
    hot.to('same', { valueSerde: 'json' });
    hot.to('text', { valueSerde: 'string' });
    hot.mapValues((r) => r.value).to('mapped', { valueSerde: 'json' });
    const driver = new TopologyTestDriver(b.build());
    const spaced = Buffer.from('{ "t": 2 }');
    driver.pipeInput('raw', { key: 'k', value: spaced });
    expect(driver.readOutput('same')[0]!.valueBytes).toBe(spaced);
    expect(driver.readOutput('text')[0]!.valueBytes!.toString()).toBe('{"t":2}');
    expect(driver.readOutput('mapped')[0]!.valueBytes!.toString()).toBe('{"t":2}');
  });
});
