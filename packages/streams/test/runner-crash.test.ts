import { validatePipeline, type Pipeline } from '@sluice/topology';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PipelineRunner } from '../src/index.js';
import { committed, createTopic, endOffsets, produce, readTopic, until, useBroker } from './helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/run-pipeline.mjs', import.meta.url));

const env = useBroker();

function doublingPipeline(): Pipeline {
  const result = validatePipeline({
    schemaVersion: 1,
    name: 'doubler',
    processingGuarantee: 'at_least_once',
    nodes: [
      { id: 'in', type: 'source', config: { topic: 'crash-in' } },
      { id: 'double', type: 'map', config: { expression: '{"id": value.id, "twice": value.id * 2}' } },
      { id: 'out', type: 'sink', config: { topic: 'crash-out' } },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'double' },
      { id: 'e2', source: 'double', target: 'out' },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

describe('PipelineRunner crash safety', () => {
  it('loses no record when its process is killed mid-stream (at-least-once)', async () => {
    await createTopic(env.admin, 'crash-in', 3);
    await createTopic(env.admin, 'crash-out', 3);
    const pipeline = doublingPipeline();
    const child = spawn(process.execPath, [fixture, env.broker.bootstrap, 'crash', JSON.stringify(pipeline)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

    // Input keeps arriving while the pipeline runs, so the kill lands in the middle of the stream.
    let next = 0;
    let producing = true;
    const producer = (async () => {
      while (producing) {
        const batch = Array.from({ length: 200 }, () => next++).map((id) => ({ key: `k${id % 17}`, value: JSON.stringify({ id }) }));
        await produce(env.kafka, 'crash-in', batch);
      }
    })();
    try {
      await until(async () => (await endOffsets(env.admin, 'crash-out')).reduce((a, b) => a + b, 0) >= 500, `output from the child process (${output})`);
      child.kill('SIGKILL');
      await exited;
    } finally {
      producing = false;
      await producer;
      child.kill('SIGKILL');
    }
    const produced = next;
    expect(produced).toBeGreaterThan(500);

    // A fresh runner in the same group picks up from the last commit.
    const runner = PipelineRunner.fromPipeline(pipeline, { pipelineId: 'crash', brokers: [env.broker.bootstrap] });
    await runner.start();
    await until(async () => {
      const ends = await endOffsets(env.admin, 'crash-in');
      const done = await committed(env.admin, 'sluice-crash', 'crash-in');
      return ends.every((end, i) => done[i] === end);
    }, 'the restarted pipeline to commit everything');
    await runner.stop();

    const out = await readTopic(env.kafka, env.admin, 'crash-out');
    const ids = new Set(out.map((r) => (JSON.parse(r.value!.toString()) as { id: number; twice: number }).id));
    const missing = Array.from({ length: produced }, (_, id) => id).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    for (const r of out) {
      const v = JSON.parse(r.value!.toString()) as { id: number; twice: number };
      expect(v.twice).toBe(v.id * 2);
    }
  }, 180_000);
});
