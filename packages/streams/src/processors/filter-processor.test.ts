import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyTestDriver } from '../testing/index.js';

interface Reading {
  station: string;
  temperature: number;
}

describe('FilterProcessor', () => {
  it('passes on only the records the predicate accepts, keeping key, headers and timestamp', () => {
    const b = new StreamsBuilder({ name: 'weather' });
    b.stream<string, Reading>('raw').filter((r) => r.value.temperature > 40, 'hot').to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', [
      { key: 'oslo', value: { station: 'oslo', temperature: 12 }, timestamp: 1 },
      { key: 'dubai', value: { station: 'dubai', temperature: 41.5 }, headers: { trace: 'x' }, timestamp: 2 },
      { key: 'doha', value: { station: 'doha', temperature: 41 }, timestamp: 3 },
    ]);
    const out = driver.readOutput<string, Reading>('out');
    expect(out.map((r) => [r.key, r.value.temperature, r.timestamp])).toEqual([
      ['dubai', 41.5, 2],
      ['doha', 41, 3],
    ]);
    expect(out[0]!.headers).toEqual({ trace: 'x' });
    expect(driver.metrics().nodes.hot).toMatchObject({ recordsIn: 3, recordsOut: 2, errors: 0 });
  });

  it('treats a predicate that returns something other than a boolean as an error of the node', () => {
    const b = new StreamsBuilder({ name: 'p' });
    b.stream('raw')
      .filter((r) => (r.value as { flag: unknown }).flag as boolean, 'check')
      .to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', [{ value: { flag: 'yes' } }, { value: { flag: true } }]);
    expect(driver.readOutput('out')).toHaveLength(1);
    const [dead] = driver.readOutput('p.dlq');
    expect(dead!.headers['sluice.error']).toBe('filter returned string "yes"; it must return true or false');
    expect(dead!.headers['sluice.node']).toBe('check');
  });
});
