import { toPipelineJson } from '../../core/index.js';
import type { LivePipeline } from '@sluice/api';
import { ApiRequestError, type PipelineDetail, type SluiceApi } from '../../infrastructure/api/index.js';
import { selectIssues, type PipelineStoreApi } from '../../infrastructure/store/index.js';

/** Pause after the last edit before the draft is saved on the server. */
export const AUTOSAVE_DELAY_MS = 700;

/**
 * Where the designer learns what runs: the live stream (`GET /api/live`), the same one the canvas
 * numbers come from, so status and numbers never disagree. `watch` calls back on every snapshot
 * with this pipeline's entry (undefined when the server no longer has it); it returns the stop.
 */
export interface LiveStatusSource {
  watch(pipelineId: string, onSnapshot: (pipeline: LivePipeline | undefined) => void): () => void;
}

export type LifecycleAction = 'deploy' | 'redeploy' | 'stop';

export interface PipelineSync {
  /** Saves the draft now; resolves true when the server holds the current document. */
  saveNow(): Promise<boolean>;
  /** Sends the document with the deploy verb: the server saves it (strictly validated) and starts it. */
  deploy(): Promise<void>;
  /** The same verb while it runs: the server saves it and redeploys it with the new definition. */
  redeploy(): Promise<void>;
  stop(): Promise<void>;
  /** Starts the autosave and follows the live status; returns the function that ends them. */
  start(): () => void;
}

interface Hooks {
  /** A lifecycle action begins (name) or ends (null). */
  onBusy(action: LifecycleAction | null): void;
  /** A lifecycle action failed, with the server's message; null clears it. */
  onActionError(message: string | null): void;
}

/**
 * Keeps one open pipeline and the server in step: drafts are saved shortly after each edit
 * (`PUT ?deploy=false`, so another browser sees them), status follows the live stream, deploy and
 * redeploy are one call (`POST .../deploy` with the document), and they and stop go through the
 * same queue as saves so they never overtake one.
 */
export function createPipelineSync(api: SluiceApi, store: PipelineStoreApi, live: LiveStatusSource, hooks: Hooks): PipelineSync {
  const id = store.getState().pipelineId;
  let queue: Promise<unknown> = Promise.resolve();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const message = (err: unknown) => (err instanceof ApiRequestError ? err.message : err instanceof Error ? err.message : String(err));

  const accept = (record: PipelineDetail) => store.getState().setRecord(record);

  /** One save; `deploy` asks the server to validate strictly (and redeploy if it runs). */
  const save = async (deploy: boolean): Promise<void> => {
    const state = store.getState();
    const revision = state.revision;
    state.setSaveState({ phase: 'saving' });
    try {
      const record = await api.updatePipeline(id, toPipelineJson(state.doc), { deploy });
      store.getState().markSaved(revision, record.issues ?? []);
      accept(record);
    } catch (err) {
      if (err instanceof ApiRequestError && err.issues.length > 0) store.getState().setServerIssues(err.issues);
      store.getState().setSaveState({ phase: 'error', message: message(err) });
      throw err;
    }
  };

  const saveDraft = () =>
    enqueue(async () => {
      if (store.getState().revision === store.getState().savedRevision) return true;
      try {
        await save(false);
        return true;
      } catch {
        return false;
      }
    });

  const lifecycle = (action: LifecycleAction, work: () => Promise<void>) =>
    enqueue(async () => {
      hooks.onBusy(action);
      hooks.onActionError(null);
      try {
        await work();
      } catch (err) {
        if (err instanceof ApiRequestError && err.issues.length > 0) store.getState().setServerIssues(err.issues);
        hooks.onActionError(message(err));
      } finally {
        hooks.onBusy(null);
      }
    });

  const refuseWhenInvalid = () => {
    store.getState().validateNow();
    const issues = selectIssues(store.getState()).filter((i) => i.origin === 'designer');
    if (issues.length > 0) throw new Error('the pipeline has problems: fix those listed under Problems, then deploy');
  };

  /** The deploy verb with the current document; a refusal still keeps the edits as the draft. */
  const deployDocument = async (): Promise<void> => {
    refuseWhenInvalid();
    clearTimeout(saveTimer);
    const state = store.getState();
    const revision = state.revision;
    state.setSaveState({ phase: 'saving' });
    try {
      const record = await api.deployPipeline(id, toPipelineJson(state.doc));
      store.getState().markSaved(revision, record.issues ?? []);
      accept(record);
    } catch (err) {
      await save(false).catch(() => undefined);
      throw err;
    }
  };

  return {
    saveNow() {
      clearTimeout(saveTimer);
      return saveDraft();
    },

    deploy: () => lifecycle('deploy', deployDocument),

    redeploy: () => lifecycle('redeploy', deployDocument),

    stop: () =>
      lifecycle('stop', async () => {
        accept(await api.stopPipeline(id));
      }),

    start() {
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.revision === previous.revision || state.revision === state.savedRevision) return;
        clearTimeout(saveTimer);
        saveTimer = setTimeout(() => void saveDraft(), AUTOSAVE_DELAY_MS);
      });

      const unwatch = live.watch(id, (pipeline) => {
        if (pipeline) store.getState().applyLiveStatus(pipeline);
        else hooks.onActionError('this pipeline was deleted on the server');
      });

      // Leaving with unsaved edits asks first; the browser words the question.
      const beforeUnload = (event: BeforeUnloadEvent) => {
        const state = store.getState();
        if (state.revision !== state.savedRevision || state.save.phase === 'saving') {
          event.preventDefault();
          event.returnValue = '';
        }
      };
      window.addEventListener('beforeunload', beforeUnload);

      return () => {
        unsubscribe();
        unwatch();
        window.removeEventListener('beforeunload', beforeUnload);
        // Closing the designer in the app (not the tab) saves what is pending rather than asking.
        if (saveTimer !== undefined || store.getState().revision !== store.getState().savedRevision) {
          clearTimeout(saveTimer);
          void saveDraft();
        }
      };
    },
  };
}
