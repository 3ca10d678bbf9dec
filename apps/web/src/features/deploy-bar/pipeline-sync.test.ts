// @vitest-environment happy-dom
import { weatherPipeline } from '@sluice/topology';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromPipelineJson, type PipelineJson } from '../../core/index.js';
import { ApiRequestError, type PipelineDetail, type SluiceApi } from '../../infrastructure/api/index.js';
import { createPipelineStore, selectIssues, selectUnsaved } from '../../infrastructure/store/index.js';
import { AUTOSAVE_DELAY_MS, createPipelineSync, type LiveStatusSource } from './pipeline-sync.js';
import type { LivePipeline } from '@sluice/api';
import { pipelineDetail, unusedApi } from '../../infrastructure/api/test-pipelines.js';

// The sync's decisions (when to save, in which order to call the API, what to do with refusals)
// against a recording stand-in for the REST client; the real server is exercised by the e2e suite.

const record = (over: Partial<PipelineDetail> = {}): PipelineDetail => pipelineDetail(over);

function recordingApi(overrides: Partial<SluiceApi> = {}) {
  const calls: string[] = [];
  const api: SluiceApi = {
    ...unusedApi(),
    listPipelines: async () => [],
    getPipeline: async () => record(),
    createPipeline: async () => record(),
    updatePipeline: async (_id, _def, { deploy }) => (calls.push(`PUT deploy=${deploy}`), record()),
    stopPipeline: async () => (calls.push('stop'), record({ status: 'stopped' })),
    deployPipeline: async (_id, def) => (calls.push(`deploy ${(def as PipelineJson).name}`), record({ status: 'deploying', desiredState: 'running', deployedAt: 'now' })),
    deletePipeline: async () => undefined,
    listTopics: async () => [],
    ...overrides,
  };
  return { api, calls };
}

/** A live stream that never reports; `liveFeed` makes one a test drives. */
const quietLive: LiveStatusSource = { watch: () => () => undefined };

function liveFeed() {
  let listener: ((pipeline: LivePipeline | undefined) => void) | undefined;
  const source: LiveStatusSource = {
    watch: (_id, onSnapshot) => {
      listener = onSnapshot;
      return () => (listener = undefined);
    },
  };
  return { source, send: (pipeline: LivePipeline | undefined) => listener?.(pipeline), watching: () => listener !== undefined };
}

const weather = () => fromPipelineJson(structuredClone(weatherPipeline) as unknown as PipelineJson);

describe('pipeline sync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a draft once, shortly after a burst of edits', async () => {
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), validationDelayMs: 0 });
    const { api, calls } = recordingApi();
    const sync = createPipelineSync(api, store, quietLive, { onBusy: () => undefined, onActionError: () => undefined });
    const stop = sync.start();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    for (const text of ['value.a', 'value.ab', 'value.abc > 1.0']) store.getState().setConfigField('extreme', 'expression', text);
    expect(selectUnsaved(store.getState())).toBe(true);
    expect(leave()).toBe(true);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['PUT deploy=false']);
    expect(selectUnsaved(store.getState())).toBe(false);
    expect(leave()).toBe(false);
    stop();
  });

  it('deploys with one call that carries the unsaved edits, and takes them as saved', async () => {
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), validationDelayMs: 0 });
    const sent: unknown[] = [];
    const { api, calls } = recordingApi({
      deployPipeline: async (id, def) => (sent.push(def), record({ id, status: 'deploying', desiredState: 'running' })),
    });
    const busy: (string | null)[] = [];
    const sync = createPipelineSync(api, store, quietLive, { onBusy: (b) => busy.push(b), onActionError: () => undefined });
    const stop = sync.start();
    store.getState().setConfigField('raw', 'topic', 'other_topic');
    await sync.deploy();
    expect(calls).toEqual([]); // no separate save, no separate start
    expect(sent).toEqual([expect.objectContaining({ nodes: expect.arrayContaining([expect.objectContaining({ id: 'raw', config: expect.objectContaining({ topic: 'other_topic' }) })]) })]);
    expect(busy).toEqual(['deploy', null]);
    expect(selectUnsaved(store.getState())).toBe(false);
    expect(store.getState().record?.status).toBe('deploying');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(calls).toEqual([]); // the pending autosave was folded into the deploy
    stop();
  });

  it('redeploys a running pipeline with the same verb', async () => {
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), record: record({ status: 'running' }), validationDelayMs: 0 });
    const { api, calls } = recordingApi();
    const busy: (string | null)[] = [];
    const sync = createPipelineSync(api, store, quietLive, { onBusy: (b) => busy.push(b), onActionError: () => undefined });
    store.getState().setConfigField('extreme', 'expression', 'value.temperature > 40.0');
    await sync.redeploy();
    expect(calls).toEqual([`deploy ${weatherPipeline.name}`]);
    expect(busy).toEqual(['redeploy', null]);
  });

  it('refuses to deploy an invalid pipeline without calling the server', async () => {
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), validationDelayMs: 0 });
    const { api, calls } = recordingApi();
    const errors: (string | null)[] = [];
    const sync = createPipelineSync(api, store, quietLive, { onBusy: () => undefined, onActionError: (e) => errors.push(e) });
    store.getState().setConfigField('extreme', 'expression', 'value.temperature >');
    await sync.deploy();
    expect(calls).toEqual([]);
    expect(errors.at(-1)).toMatch(/fix those listed under Problems/);
  });

  it("puts the server's refusal on the nodes it names and keeps the edits as the draft", async () => {
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), record: record({ status: 'running' }), validationDelayMs: 0 });
    const calls: string[] = [];
    const { api } = recordingApi({
      deployPipeline: async () => {
        calls.push('deploy');
        throw new ApiRequestError(400, 'pipeline "extreme-weather" is not valid', [{ path: 'nodes[2].config.topic', message: 'topic is reserved' }]);
      },
      updatePipeline: async (_id, _def, { deploy }) => (calls.push(`PUT deploy=${deploy}`), record({ status: 'running', pendingChanges: true })),
    });
    const errors: (string | null)[] = [];
    const sync = createPipelineSync(api, store, quietLive, { onBusy: () => undefined, onActionError: (e) => errors.push(e) });
    store.getState().setConfigField('processed', 'topic', 'reserved');
    await sync.redeploy();
    expect(calls).toEqual(['deploy', 'PUT deploy=false']);
    expect(errors.at(-1)).toBe('pipeline "extreme-weather" is not valid');
    expect(selectUnsaved(store.getState())).toBe(false);
    expect(store.getState().record?.pendingChanges).toBe(true);
  });

  it('shows server issues on their node when a deploy is refused', async () => {
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), validationDelayMs: 0 });
    const { api } = recordingApi({
      deployPipeline: async () => {
        throw new ApiRequestError(400, 'has issues to fix', [{ path: 'nodes[0].config.topic', message: 'topic is not allowed' }]);
      },
    });
    const sync = createPipelineSync(api, store, quietLive, { onBusy: () => undefined, onActionError: () => undefined });
    await sync.deploy();
    expect(selectIssues(store.getState())).toEqual([expect.objectContaining({ nodeId: 'raw', origin: 'server', message: 'topic is not allowed' })]);
  });

  it('takes the status from the live stream, and says when the pipeline is gone', async () => {
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), validationDelayMs: 0, record: pipelineDetail({ status: 'deploying' }) });
    const { api } = recordingApi();
    const live = liveFeed();
    const errors: (string | null)[] = [];
    const sync = createPipelineSync(api, store, live.source, { onBusy: () => undefined, onActionError: (e) => errors.push(e) });
    const stop = sync.start();
    live.send({ id: 'p1', name: 'extreme-weather', status: 'failed', error: 'broker unreachable' });
    expect(store.getState().record).toMatchObject({ status: 'failed', error: 'broker unreachable' });
    live.send({ id: 'p1', name: 'extreme-weather', status: 'running' });
    expect(store.getState().record?.status).toBe('running');
    expect(store.getState().record?.error).toBeUndefined();
    live.send(undefined);
    expect(errors).toEqual(['this pipeline was deleted on the server']);
    stop();
    expect(live.watching()).toBe(false);
  });
});
