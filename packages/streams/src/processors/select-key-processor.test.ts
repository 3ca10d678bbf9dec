import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { TopologyTestDriver } from '../testing/index.js';

describe('SelectKeyProcessor', () => {
  it('re-keys records and the sink writes the new key in its format', () => {
    const b = new StreamsBuilder({ name: 's' });
    b.stream<string | null, { station: string; id: number }>('raw')
      .selectKey((r) => ({ station: r.value.station }), 'byStation')
      .to('out', { keySerde: 'json' });
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', { key: null, value: { station: 'oslo', id: 1 } });
    const [out] = driver.readOutput('out');
    expect(out!.keyBytes!.toString()).toBe('{"station":"oslo"}');
    expect(out!.key).toEqual({ station: 'oslo' });
    expect(out!.value).toEqual({ station: 'oslo', id: 1 });
  });

  it('keeps the original key when no node re-keys', () => {
    const b = new StreamsBuilder({ name: 's' });
    b.stream('raw').to('out');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('raw', { key: 'keep-me', value: 1 });
    expect(driver.readOutput('out')[0]!.key).toBe('keep-me');
  });
});
