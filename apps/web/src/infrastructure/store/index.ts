export { createPipelineStore, type PipelineStoreApi, type PipelineStoreOptions } from './pipeline-store.js';
export type { PipelineActions, PipelineState, PipelineStore, SaveState } from './pipeline-state.js';
export { PipelineStoreProvider, usePipelineStore, usePipelineStoreApi } from './store-context.js';
export * from './selectors.js';
