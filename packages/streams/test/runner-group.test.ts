import { validatePipeline, type Pipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { PipelineRunner } from '../src/index.js';
import { committed, createTopic, endOffsets, produce, readTopic, until, useBroker } from './helpers.js';

const env = useBroker();

function copyPipeline(): Pipeline {
  const result = validatePipeline({
    schemaVersion: 1,
    name: 'copier',
    settings: { consumerGroup: 'copier-group' },
    nodes: [
      { id: 'in', type: 'source', config: { topic: 'group-in', format: 'string' } },
      { id: 'out', type: 'sink', config: { topic: 'group-out', format: 'string' } },
    ],
    edges: [{ id: 'e1', source: 'in', target: 'out' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

const allCommitted = async () => {
  const ends = await endOffsets(env.admin, 'group-in');
  const done = await committed(env.admin, 'copier-group', 'group-in');
  return ends.every((end, i) => done[i] === end);
};

describe('PipelineRunner instances sharing a consumer group', () => {
  it('split the partitions between them, and one takes over when the other stops', async () => {
    await createTopic(env.admin, 'group-in', 6);
    const pipeline = copyPipeline();
    const options = { pipelineId: 'ignored-when-settings-name-a-group', brokers: [env.broker.bootstrap], sessionTimeout: 10_000, heartbeatInterval: 500 };
    const a = PipelineRunner.fromPipeline(pipeline, options);
    const b = PipelineRunner.fromPipeline(pipeline, options);
    expect(a.consumerGroup).toBe('copier-group');
    await a.start();
    await b.start();
    await produce(env.kafka, 'group-in', Array.from({ length: 600 }, (_, i) => ({ key: `k${i}`, value: `r${i}` })));
    await until(allCommitted, 'both instances to commit the first 600');
    const ownedA = a.metrics().sources.length;
    const ownedB = b.metrics().sources.length;
    expect(ownedA + ownedB).toBe(6);
    expect(ownedA).toBeGreaterThan(0);
    expect(ownedB).toBeGreaterThan(0);

    await a.stop();
    await produce(env.kafka, 'group-in', Array.from({ length: 600 }, (_, i) => ({ key: `k${i}`, value: `r${600 + i}` })));
    await until(allCommitted, 'the remaining instance to take over every partition');
    expect(b.metrics().sources).toHaveLength(6);
    await b.stop();

    const values = new Set((await readTopic(env.kafka, env.admin, 'group-out')).map((r) => r.value!.toString()));
    const missing = Array.from({ length: 1200 }, (_, i) => `r${i}`).filter((v) => !values.has(v));
    expect(missing).toEqual([]);
  }, 180_000);
});
