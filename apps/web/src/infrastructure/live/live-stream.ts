import { useEffect } from 'react';
import type { LivePipeline } from '@sluice/api';
import { useStore } from 'zustand';
import { LiveConnection } from './live-connection.js';
import { createLiveStore, type LiveStore } from './live-store.js';

/** The app's one live store: every page and overlay reads the same stream. */
export const liveStore = createLiveStore();

let users = 0;
let connection: LiveConnection | null = null;

/**
 * Opens `GET /api/live` while at least one caller holds it; returns the release. The stream is
 * shared, so a page and its overlays cost one connection together.
 */
export function connectLive(url = '/api/live'): () => void {
  users++;
  if (!connection) {
    connection = new LiveConnection({
      url,
      createSource: (u) => new EventSource(u),
      onSnapshot: (snapshot) => liveStore.getState().ingest(snapshot),
      onState: (state) => liveStore.getState().setConnection(state),
    });
    connection.start();
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users--;
    if (users === 0 && connection) {
      connection.stop();
      connection = null;
    }
  };
}

/** Keeps the live stream open while the calling component is mounted. */
export function useLiveStream(): void {
  useEffect(() => connectLive(), []);
}

/** A narrow read of the live store; the component re-renders only when the selected value changes. */
export function useLive<T>(selector: (s: LiveStore) => T): T {
  return useStore(liveStore, selector);
}

/**
 * One pipeline's entry in every snapshot, for code outside React (the designer's status). Holds
 * the stream open while watched; snapshots from before the watch began are not reported.
 */
export const liveStatusSource = {
  watch(pipelineId: string, onSnapshot: (pipeline: LivePipeline | undefined) => void): () => void {
    const release = connectLive();
    const stop = liveStore.subscribe((state, previous) => {
      if (state.at !== null && state.at !== previous.at) onSnapshot(state.pipelines[pipelineId]);
    });
    return () => {
      stop();
      release();
    };
  },
};
