import type { Pipeline } from '@sluice/topology';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.js';
import { RestartBackoff } from './backoff.js';
import { PipelineRuntime } from './pipeline-runtime.js';

const script = fileURLToPath(new URL('../../../test/fixtures/scripted-worker.mjs', import.meta.url));

/** The fixture worker reads `script` from the definition it is given. */
const scripted = (name: string) =>
  ({ schemaVersion: 1, name: 'scripted', script: name, nodes: [{ id: 'in', type: 'source', config: { topic: 'raw_x' } }], edges: [] }) as unknown as Pipeline;

function runtime(): PipelineRuntime {
  return new PipelineRuntime('p-1', {
    brokers: ['127.0.0.1:1'],
    tuning: {},
    logger: silentLogger,
    metricsEveryMs: 1000,
    workerScript: script,
    backoff: () => new RestartBackoff(20, 80),
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('PipelineRuntime', () => {
  it('restarts a crashing worker with backoff, keeping the error and counting restarts', async () => {
    const r = runtime();
    await r.start(scripted('crash'));
    await until(() => r.state().restarts >= 3, 'three restarts');
    const state = r.state();
    expect(state.lastError?.message).toMatch(/the pipeline crashed: boom/);
    await r.stop();
    expect(r.state()).toMatchObject({ status: 'stopped' });
    expect(r.state().nextRestartAt).toBeUndefined();
    const restarts = r.state().restarts;
    await new Promise((resolve) => setTimeout(resolve, 200)); // a cancelled restart must not fire
    expect(r.state()).toMatchObject({ status: 'stopped', restarts });
  });

  it('does not restart a pipeline whose failure a restart would repeat', async () => {
    const r = runtime();
    await r.start(scripted('fail-final'));
    await until(() => r.state().status === 'failed', 'the failure');
    expect(r.state()).toMatchObject({ status: 'failed', error: 'node "in" failed (onError stop)', restarts: 0 });
    expect(r.state().nextRestartAt).toBeUndefined();
  });

  it('runs, answers metrics on demand, and carries counts across a redeploy', async () => {
    const r = runtime();
    await r.start(scripted('steady'));
    await until(() => r.state().status === 'running', 'running');
    const fresh = await r.currentMetrics({ name: 'scripted', nodes: [{ id: 'in' }], edges: [] } as unknown as Pipeline, 5_000);
    expect(fresh.nodes.in!.recordsIn).toBe(7);
    await r.start(scripted('steady')); // redeploy: the first run's 7 are kept, the new run reports 5
    await until(() => r.state().status === 'running', 'running again');
    await until(() => r.metrics.view('p-1', { name: 'scripted', nodes: [{ id: 'in' }], edges: [] } as unknown as Pipeline).nodes.in!.recordsIn === 12, 'carried totals');
    await r.stop();
    expect(r.state().status).toBe('stopped');
  });

  it('fails with "source topic X was deleted" when a topic it read is gone, and starts again when it is back', async () => {
    const r = runtime();
    await r.start(scripted('steady'));
    await until(() => r.state().status === 'running', 'running');
    await r.sourcesExist(() => true);
    await r.sourcesExist(() => false);
    expect(r.state()).toMatchObject({ status: 'failed', error: 'source topic raw_x was deleted', restarts: 0 });
    expect(r.state().nextRestartAt).toBeUndefined();
    await r.sourcesExist(() => false); // still gone: nothing changes
    expect(r.state()).toMatchObject({ status: 'failed', error: 'source topic raw_x was deleted' });
    await r.sourcesExist(() => true);
    await until(() => r.state().status === 'running', 'running again');
    await r.stop();
  });

  it('leaves a topic that never existed to the worker (not "deleted")', async () => {
    const r = runtime();
    await r.start(scripted('steady'));
    await until(() => r.state().status === 'running', 'running');
    await r.sourcesExist(() => false);
    expect(r.state().status).toBe('running');
    await r.stop();
  });
});
