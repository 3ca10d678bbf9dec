import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyTestDriver } from '../testing/index.js';

describe('merge', () => {
  it('joins two streams into one node with two parents', () => {
    const b = new StreamsBuilder({ name: 'merge' });
    const europe = b.stream<string, number>('europe', { name: 'eu' });
    const asia = b.stream<string, number>('asia', { name: 'as' }).mapValues((r) => r.value * 10, 'scale');
    europe.merge(asia, 'all').to('world');
    const topology = b.build();
    expect(topology.node('all').inputs.map((e) => e.from)).toEqual(['eu', 'scale']);
    const driver = new TopologyTestDriver(topology);
    driver.pipeInput('europe', { value: 1 });
    driver.pipeInput('asia', { value: 2 });
    driver.pipeInput('europe', { value: 3 });
    expect(driver.readOutput('world').map((r) => r.value)).toEqual([1, 20, 3]);
    expect(driver.metrics().nodes.all!.recordsIn).toBe(3);
  });

  it('lets several parents feed a processor directly (a diamond)', () => {
    const b = new StreamsBuilder({ name: 'diamond' });
    const src = b.stream<string, number>('in');
    const small = src.filter((r) => r.value < 10, 'small');
    const even = src.filter((r) => r.value % 2 === 0, 'even');
    small.merge(even, 'either').to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('in', [{ value: 4 }, { value: 5 }, { value: 12 }, { value: 13 }]);
    // 4 is small and even, so it arrives twice, once along each path.
    expect(driver.readOutput('out').map((r) => r.value)).toEqual([4, 4, 5, 12]);
  });
});
