export { isTemporaryFile, writeFileAtomic } from './atomic-file.js';
export { PipelineStore, type DesiredState, type StoredPipeline } from './pipeline-store.js';
