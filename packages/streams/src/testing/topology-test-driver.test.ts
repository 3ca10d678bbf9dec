import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { bytesSerde } from '../serdes/index.js';
import { TopologyTestDriver } from './topology-test-driver.js';

const passThrough = () => {
  const b = new StreamsBuilder({ name: 'app' });
  b.stream('in', { name: 'in' }).filter(() => true, 'all').to('out', { name: 'out' });
  return b.build();
};

describe('TopologyTestDriver', () => {
  it('numbers offsets per partition and reports the last consumed offset of each', () => {
    const driver = new TopologyTestDriver(passThrough());
    driver.pipeInput('in', [{ value: 1 }, { value: 2, partition: 1 }, { value: 3 }, { value: 4, partition: 1 }, { value: 5, partition: 1 }]);
    expect(driver.metrics().sources).toEqual([
      { topic: 'in', partition: 0, offset: 1 },
      { topic: 'in', partition: 1, offset: 2 },
    ]);
  });

  it('reads output once, as bytes and decoded, with an override for the decoding', () => {
    const driver = new TopologyTestDriver(passThrough());
    driver.pipeInput('in', { key: 'k', value: { a: 1 } });
    driver.pipeInput('in', { key: 'k', value: { a: 2 } });
    const [first] = driver.readOutput('out', { valueSerde: bytesSerde });
    expect(first!.value).toEqual(Buffer.from('{"a":1}'));
    expect(driver.readOutput('out')).toEqual([]);
  });

  it('stamps records with its clock and measures latency to the (immediate) acknowledgement', () => {
    let now = 1_000;
    const driver = new TopologyTestDriver(passThrough(), { now: () => now });
    driver.pipeInput('in', { value: 1 });
    now = 1_250;
    driver.pipeInput('in', { value: 2, timestamp: 1_000 });
    const out = driver.readOutput('out');
    expect(out.map((r) => r.timestamp)).toEqual([1_000, 1_000]);
    const { latencyMs: latency, recordsProduced } = driver.metrics();
    expect(recordsProduced).toBe(2);
    expect(latency.count).toBe(2);
    expect(latency.min).toBe(0);
    expect(latency.max).toBe(250);
  });

  it('counts records along every edge and produces a JSON-able snapshot', () => {
    const driver = new TopologyTestDriver(passThrough());
    driver.pipeInput('in', [{ value: 1 }, { value: 2 }]);
    const snapshot = driver.metrics();
    expect(snapshot.edges).toEqual({
      'in->all': { source: 'in', target: 'all', records: 2 },
      'all->out': { source: 'all', target: 'out', records: 2 },
    });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('names the topics it reads when fed an unknown one', () => {
    const driver = new TopologyTestDriver(passThrough());
    expect(() => driver.pipeInput('nope', { value: 1 })).toThrow('topology "app" does not read topic "nope"; it reads in');
  });
});
