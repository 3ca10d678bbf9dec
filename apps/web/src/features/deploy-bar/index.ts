export { DeployBar } from './DeployBar.js';
export { usePipelineSync, type PipelineSyncView } from './use-pipeline-sync.js';
export { createPipelineSync, AUTOSAVE_DELAY_MS, type LiveStatusSource, type PipelineSync } from './pipeline-sync.js';
