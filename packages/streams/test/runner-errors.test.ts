import { validatePipeline, type Pipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { PipelineRunner, PipelineStoppedError } from '../src/index.js';
import { committed, createTopic, produce, readTopic, until, useBroker } from './helpers.js';

const env = useBroker();

function ordersPipeline(onError: 'stop' | 'skip' | 'dead-letter', name: string, input: string, output: string): Pipeline {
  const result = validatePipeline({
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'in', type: 'source', config: { topic: input, startFrom: 'earliest' } },
      { id: 'big', type: 'filter', onError, config: { expression: 'value.qty > 10' } },
      { id: 'label', type: 'map', config: { expression: '{"id": value.id, "qty": value.qty, "big": true}' } },
      { id: 'out', type: 'sink', config: { topic: output } },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'big' },
      { id: 'e2', source: 'big', target: 'label' },
      { id: 'e3', source: 'label', target: 'out' },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

const orders = [
  { id: 1, qty: 50 },
  { id: 2, qty: 5 },
  { id: 3, qty: 'lots' }, // fails the filter: string > int has no overload
  { id: 4, qty: 20 },
];

describe('PipelineRunner error handling on the embedded broker', () => {
  it('onError "stop": fails naming the node, after producing and committing the records before it', async () => {
    await createTopic(env.admin, 'orders-stop', 1);
    await produce(env.kafka, 'orders-stop', orders.map((o) => ({ key: String(o.id), value: JSON.stringify(o) })));
    const failures: Error[] = [];
    const runner = PipelineRunner.fromPipeline(ordersPipeline('stop', 'orders-s', 'orders-stop', 'big-orders-s'), {
      pipelineId: 'orders-s',
      brokers: [env.broker.bootstrap],
      onFailure: (error) => failures.push(error),
    });
    await runner.start();
    const error = await runner.done.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(PipelineStoppedError);
    expect((error as PipelineStoppedError).nodeName).toBe('big');
    expect((error as PipelineStoppedError).source).toEqual({ topic: 'orders-stop', partition: 0, offset: 2 });
    expect(runner.state).toBe('failed');
    expect(failures).toEqual([error]);
    // Offsets 0 and 1 are done; the failing record stays uncommitted, so nothing is lost.
    expect(await committed(env.admin, 'sluice-orders-s', 'orders-stop')).toEqual([2]);
    const out = await readTopic(env.kafka, env.admin, 'big-orders-s');
    expect(out.map((r) => JSON.parse(r.value!.toString()))).toEqual([{ id: 1, qty: 50, big: true }]);
  }, 120_000);

  it('onError "skip" drops the failing record and carries on; "dead-letter" keeps it on <name>.dlq', async () => {
    await createTopic(env.admin, 'orders-more', 2);
    await produce(env.kafka, 'orders-more', orders.map((o) => ({ key: String(o.id), value: JSON.stringify(o) })));
    for (const mode of ['skip', 'dead-letter'] as const) {
      const name = `orders-${mode}`;
      const runner = PipelineRunner.fromPipeline(ordersPipeline(mode, name, 'orders-more', `big-${name}`), {
        pipelineId: name,
        brokers: [env.broker.bootstrap],
      });
      await runner.start();
      await until(() => {
        if (runner.error) throw runner.error;
        const m = runner.metrics();
        return m.nodes.in!.recordsIn >= orders.length && m.recordsProduced >= 2;
      }, `the ${mode} pipeline to process every order`);
      const metrics = runner.metrics();
      await runner.stop();
      const out = await readTopic(env.kafka, env.admin, `big-${name}`);
      expect(out.map((r) => (JSON.parse(r.value!.toString()) as { id: number }).id).sort()).toEqual([1, 4]);
      expect(metrics.nodes.big!.errors).toBe(1);
      const dead = await readTopic(env.kafka, env.admin, `${name}.dlq`);
      if (mode === 'skip') {
        expect(metrics.nodes.big!.skipped).toBe(1);
        expect(dead).toEqual([]);
      } else {
        expect(dead).toHaveLength(1);
        expect(JSON.parse(dead[0]!.value!.toString())).toEqual({ id: 3, qty: 'lots' });
        expect(dead[0]!.key).toBe('3');
        expect(dead[0]!.headers['sluice.node']).toBe('big');
      }
    }
  }, 120_000);
});
