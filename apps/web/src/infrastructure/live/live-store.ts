import { createStore } from 'zustand/vanilla';
import { historyPoint, PipelineHistory } from './history.js';
import type { ConnectionState } from './live-connection.js';
import type { LivePipeline, LiveSnapshot } from './live-schema.js';

export interface LiveState {
  connection: ConnectionState;
  /** Server time of the newest snapshot (ISO), null before the first. */
  at: string | null;
  /** The newest snapshot of every pipeline the server has, by id. */
  pipelines: Record<string, LivePipeline>;
  /** Bumped on every snapshot that added to the history, so charts know to redraw. */
  historyVersion: number;
}

export interface LiveActions {
  ingest(snapshot: LiveSnapshot): void;
  setConnection(state: ConnectionState): void;
  /** Chart history of one pipeline (kept outside the reactive state: it is mutated in place). */
  historyOf(pipelineId: string): PipelineHistory;
}

export type LiveStore = LiveState & LiveActions;

/**
 * The latest snapshot per pipeline plus 15 minutes of history for charts, all client-side from
 * the SSE stream. Unchanged pipelines keep their object identity, so narrow selectors on them do
 * not wake their components.
 */
export function createLiveStore(historyCapacity?: number) {
  const histories = new Map<string, PipelineHistory>();
  const historyOf = (id: string) => {
    let history = histories.get(id);
    if (!history) {
      history = new PipelineHistory(historyCapacity);
      histories.set(id, history);
    }
    return history;
  };

  return createStore<LiveStore>()((set, get) => ({
    connection: 'idle',
    at: null,
    pipelines: {},
    historyVersion: 0,
    historyOf,
    setConnection: (connection) => {
      if (get().connection !== connection) set({ connection });
    },
    ingest: (snapshot) => {
      const atMs = Date.parse(snapshot.at);
      const pipelines: Record<string, LivePipeline> = {};
      let added = false;
      for (const pipeline of snapshot.pipelines) {
        pipelines[pipeline.id] = pipeline;
        if (pipeline.metrics && Number.isFinite(atMs)) added = historyOf(pipeline.id).add(historyPoint(pipeline.metrics, atMs)) || added;
      }
      for (const id of histories.keys()) if (!(id in pipelines)) histories.delete(id);
      set((s) => ({ at: snapshot.at, pipelines, historyVersion: added ? s.historyVersion + 1 : s.historyVersion }));
    },
  }));
}

export type LiveStoreApi = ReturnType<typeof createLiveStore>;
