import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyTestDriver } from '../testing/index.js';

describe('MapValuesProcessor', () => {
  it('replaces the value with mixed-type structures and keeps the key', () => {
    const b = new StreamsBuilder({ name: 'm' });
    b.stream<string, { t: number; s: string }>('raw')
      .mapValues((r) => ({ station: r.value.s, fahrenheit: r.value.t * 1.8 + 32, extreme: r.value.t > 40 }), 'toF')
      .to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', { key: 'k1', value: { t: 50, s: 'x' }, timestamp: 7 });
    const [out] = driver.readOutput('out');
    expect(out).toMatchObject({ key: 'k1', value: { station: 'x', fahrenheit: 122, extreme: true }, timestamp: 7 });
    expect(out!.valueBytes!.toString()).toBe('{"station":"x","fahrenheit":122,"extreme":true}');
  });

  it('sends a mapper failure to the dead-letter topic with the original bytes', () => {
    const b = new StreamsBuilder({ name: 'm' });
    b.stream<string, { nested?: { v: number } }>('raw')
      .mapValues((r) => r.value.nested!.v * 2, 'double')
      .to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', [{ key: 'a', value: { nested: { v: 2 } } }, { key: 'b', value: {} }]);
    expect(driver.readOutput('out').map((r) => r.value)).toEqual([4]);
    const [dead] = driver.readOutput('m.dlq');
    expect(dead!.valueBytes!.toString()).toBe('{}');
    expect(dead!.keyBytes!.toString()).toBe('b');
    expect(dead!.headers['sluice.node']).toBe('double');
  });
});
