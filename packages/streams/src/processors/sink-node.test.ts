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
});
