import { describe, expect, it } from 'vitest';
import { StreamsBuilder } from '../dsl/index.js';
import { PipelineStoppedError, type OnError } from '../processor/index.js';
import { TopologyTestDriver } from '../testing/index.js';

const failingOn = (onError: OnError, deadLetterTopic?: string) => {
  const b = new StreamsBuilder({ name: 'orders' });
  b.stream<string, { qty: number }>('in')
    .mapValues(
      (r) => {
        if (r.value.qty < 0) throw new Error(`negative quantity ${r.value.qty}`);
        return r.value.qty;
      },
      { name: 'check', onError, ...(deadLetterTopic ? { deadLetterTopic } : {}) },
    )
    .to('out');
  return new TopologyTestDriver(b.build());
};

describe('onError', () => {
  it('dead-letter (the default) writes the original record to <pipeline>.dlq and carries on', () => {
    const driver = failingOn('dead-letter');
    driver.pipeInput('in', [{ key: 'a', value: { qty: 1 } }, { key: 'b', value: { qty: -1 }, partition: 2 }, { key: 'c', value: { qty: 3 } }]);
    expect(driver.readOutput('out').map((r) => r.value)).toEqual([1, 3]);
    const dead = driver.readOutput('orders.dlq');
    expect(dead).toHaveLength(1);
    expect(dead[0]!.headers).toMatchObject({
      'sluice.node': 'check',
      'sluice.error': 'negative quantity -1',
      'sluice.source.partition': '2',
      'sluice.source.offset': '0',
    });
    expect(driver.metrics().deadLettersProduced).toBe(1);
  });

  it('dead-letter honours a node-specific topic', () => {
    const driver = failingOn('dead-letter', 'bad-orders');
    driver.pipeInput('in', { value: { qty: -5 } });
    expect(driver.readOutput('orders.dlq')).toEqual([]);
    expect(driver.readOutput('bad-orders')).toHaveLength(1);
  });

  it('skip drops the record, counts it, and carries on', () => {
    const driver = failingOn('skip');
    driver.pipeInput('in', [{ value: { qty: -1 } }, { value: { qty: 2 } }]);
    expect(driver.readOutput('out').map((r) => r.value)).toEqual([2]);
    expect(driver.outputTopics()).toEqual([]);
    expect(driver.metrics().nodes.check).toMatchObject({ recordsIn: 2, recordsOut: 1, errors: 1, skipped: 1, deadLetters: 0 });
  });

  it('stop fails the task with an error naming the node, the record and the reason', () => {
    const driver = failingOn('stop');
    driver.pipeInput('in', { value: { qty: 1 } });
    let caught: unknown;
    try {
      driver.pipeInput('in', { value: { qty: -7 } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PipelineStoppedError);
    const stop = caught as PipelineStoppedError;
    expect(stop.nodeName).toBe('check');
    expect(stop.reason).toBe('negative quantity -7');
    expect(stop.source).toEqual({ topic: 'in', partition: 0, offset: 1 });
    expect(stop.message).toMatch(/^node "check" failed on in\[0\] offset 1: negative quantity -7/);
    // The failing record is not marked consumed, so a restart processes it again.
    expect(driver.metrics().sources).toEqual([{ topic: 'in', partition: 0, offset: 0 }]);
  });

  it('a stop below a dead-lettering node is not turned into a dead-letter by it', () => {
    const b = new StreamsBuilder({ name: 'p' });
    b.stream('in', { name: 'in' })
      .mapValues((r) => r.value, { name: 'outer', onError: 'dead-letter' })
      .filter(() => {
        throw new Error('boom');
      }, { name: 'inner', onError: 'stop' })
      .to('out');
    const driver = new TopologyTestDriver(b.build());
    expect(() => driver.pipeInput('in', { value: 1 })).toThrow(PipelineStoppedError);
    expect(driver.readOutput('p.dlq')).toEqual([]);
    expect(driver.metrics().nodes.outer!.errors).toBe(0);
  });

  it('charges a failure to the node that threw, not to its parents', () => {
    const b = new StreamsBuilder({ name: 'p' });
    const src = b.stream<string, number>('in', { name: 'in' });
    src.filter(() => {
      throw new Error('left fails');
    }, 'left').to('l');
    src.filter(() => true, 'right').to('r');
    const driver = new TopologyTestDriver(b.build());
    driver.pipeInput('in', { value: 1 });
    // The sibling still gets the record.
    expect(driver.readOutput('r')).toHaveLength(1);
    const m = driver.metrics().nodes;
    expect(m.in!.errors).toBe(0);
    expect(m.left!.errors).toBe(1);
    expect(driver.readOutput('p.dlq')[0]!.headers['sluice.node']).toBe('left');
  });
});
