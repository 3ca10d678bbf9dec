import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyTestDriver } from '../testing/index.js';
import { BranchProcessor } from './branch-processor.js';

describe('BranchProcessor', () => {
  const build = () => {
    const b = new StreamsBuilder({ name: 'b' });
    const branches = b.stream<string, { t: number }>('raw').branch(
      [
        { name: 'hot', predicate: (r) => r.value.t > 40 },
        { name: 'warm', predicate: (r) => r.value.t > 20 },
      ],
      'route',
    );
    branches.hot.to('hot-topic');
    branches.warm.to('warm-topic');
    branches.default.to('rest-topic');
    return new TopologyTestDriver(b.build());
  };

  it('sends each record to the first matching branch, else to default', () => {
    const driver = build();
    driver.pipeInput('raw', [{ value: { t: 50 } }, { value: { t: 30 } }, { value: { t: 10 } }, { value: { t: 45 } }]);
    expect(driver.readOutput('hot-topic').map((r) => r.value)).toEqual([{ t: 50 }, { t: 45 }]);
    expect(driver.readOutput('warm-topic').map((r) => r.value)).toEqual([{ t: 30 }]);
    expect(driver.readOutput('rest-topic').map((r) => r.value)).toEqual([{ t: 10 }]);
  });

  it('counts records per edge and names edges by their output', () => {
    const driver = build();
    driver.pipeInput('raw', [{ value: { t: 50 } }, { value: { t: 30 } }, { value: { t: 10 } }]);
    const { edges } = driver.metrics();
    expect(edges['route.hot->sink-2']).toEqual({ source: 'route', target: 'sink-2', sourceHandle: 'hot', records: 1 });
    expect(edges['route.warm->sink-3']!.records).toBe(1);
    expect(edges['route.default->sink-4']!.records).toBe(1);
  });

  it('drops unmatched records when nothing reads the default output', () => {
    const b = new StreamsBuilder({ name: 'b' });
    b.stream<string, number>('raw')
      .branch([{ name: 'big', predicate: (r) => r.value > 10 }], 'route')
      .big.to('big');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', [{ value: 5 }, { value: 50 }]);
    expect(driver.readOutput('big').map((r) => r.value)).toEqual([50]);
    expect(driver.metrics().nodes.route).toMatchObject({ recordsIn: 2, recordsOut: 2, errors: 0 });
  });

  it('rejects the reserved name default and duplicate names', () => {
    expect(() => BranchProcessor.supplier([{ name: 'default', predicate: () => true }])).toThrow(/reserved/);
    expect(() =>
      BranchProcessor.supplier([
        { name: 'a', predicate: () => true },
        { name: 'a', predicate: () => true },
      ]),
    ).toThrow(/used twice/);
  });
});
