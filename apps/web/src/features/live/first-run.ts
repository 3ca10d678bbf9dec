import { weatherPipeline } from '@sluice/topology';

const SEEN_KEY = 'sluice.firstRun.opened';

interface ListedPipeline {
  id: string;
  name: string;
  status: string;
}

/**
 * On the very first visit of a fresh install (`sluice start` on an empty data dir), the landing
 * page opens the running weather demo, so numbers move on its canvas right away. Only when the
 * demo is the one pipeline there is, and only once per browser: going back to the list stays there.
 */
export function firstRunPipeline(pipelines: readonly ListedPipeline[], alreadyOpened: boolean): string | null {
  if (alreadyOpened || pipelines.length !== 1) return null;
  const only = pipelines[0]!;
  if (only.name !== weatherPipeline.name) return null;
  return only.status === 'running' || only.status === 'deploying' ? only.id : null;
}

/** The pipeline to open now, if this is the first visit; remembers that it was. */
export function takeFirstRun(pipelines: readonly ListedPipeline[], storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeLocalStorage()): string | null {
  if (!storage) return null;
  const target = firstRunPipeline(pipelines, storage.getItem(SEEN_KEY) !== null);
  // Any visit that saw pipelines counts: a user who already has their own never gets redirected later.
  if (pipelines.length > 0) storage.setItem(SEEN_KEY, new Date().toISOString());
  return target;
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
