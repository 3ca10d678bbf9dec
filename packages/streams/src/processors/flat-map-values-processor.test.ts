import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyTestDriver } from '../testing/index.js';

describe('FlatMapValuesProcessor', () => {
  it('emits one record per element, in order, each with the source key and timestamp', () => {
    const b = new StreamsBuilder({ name: 'f' });
    b.stream<string, { readings: number[] }>('raw').flatMapValues((r) => r.value.readings, 'each').to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', [
      { key: 's1', value: { readings: [1, 2, 3] }, timestamp: 5 },
      { key: 's2', value: { readings: [] } },
    ]);
    const out = driver.readOutput('out');
    expect(out.map((r) => [r.key, r.value, r.timestamp])).toEqual([
      ['s1', 1, 5],
      ['s1', 2, 5],
      ['s1', 3, 5],
    ]);
    expect(driver.metrics().nodes.each).toMatchObject({ recordsIn: 2, recordsOut: 3 });
  });

  it('treats a result that is not a list as an error', () => {
    const b = new StreamsBuilder({ name: 'f' });
    b.stream('raw')
      .flatMapValues((r) => (r.value as { readings: number[] }).readings, { name: 'each', onError: 'skip' })
      .to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', { value: { readings: 7 } });
    expect(driver.readOutput('out')).toEqual([]);
    expect(driver.metrics().nodes.each).toMatchObject({ errors: 1, skipped: 1 });
  });
});
