import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PipelineStore } from './pipeline-state.js';
import type { PipelineStoreApi } from './pipeline-store.js';

const PipelineStoreContext = createContext<PipelineStoreApi | null>(null);

/** Makes one open pipeline's store available to everything under it. */
export function PipelineStoreProvider({ store, children }: { store: PipelineStoreApi; children: ReactNode }) {
  return <PipelineStoreContext.Provider value={store}>{children}</PipelineStoreContext.Provider>;
}

export function usePipelineStoreApi(): PipelineStoreApi {
  const store = useContext(PipelineStoreContext);
  if (!store) throw new Error('usePipelineStore must be used inside <PipelineStoreProvider>');
  return store;
}

/** Reads one slice of the open pipeline's store; components re-render only when their slice changes. */
export function usePipelineStore<T>(selector: (state: PipelineStore) => T): T {
  return useStore(usePipelineStoreApi(), selector);
}
