import { afterEach, describe, expect, it, vi } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyMetrics } from '../metrics/index.js';
import { RateSampler } from './runner-metrics.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('RateSampler', () => {
  it('computes per-second rates against the sample of the last second', () => {
    vi.useFakeTimers({ now: 0 });
    const b = new StreamsBuilder({ name: 'p' });
    b.stream('in', { name: 'in' }).to('out', { name: 'out' });
    const metrics = new TopologyMetrics(b.build(), () => Date.now());
    const sampler = new RateSampler(metrics);
    sampler.start();
    metrics.recordsIn[0] = 100;
    vi.advanceTimersByTime(1000); // sample: 100 at t=1s
    metrics.recordsIn[0] = 400;
    metrics.edgeRecords[0] = 300;
    vi.advanceTimersByTime(1000); // sample: 400 at t=2s
    metrics.recordsIn[0] = 700;
    vi.advanceTimersByTime(200); // t=2.2s, too soon after the last sample: measure from t=1s
    const { snapshot, rates } = sampler.current();
    expect(snapshot.nodes.in!.recordsIn).toBe(700);
    expect(rates.intervalSec).toBeCloseTo(1.2);
    expect(rates.nodes.in!.recordsInPerSec).toBeCloseTo(600 / 1.2);
    expect(rates.edges['in->out']).toBeCloseTo(300 / 1.2);
    sampler.stop();
  });
});
