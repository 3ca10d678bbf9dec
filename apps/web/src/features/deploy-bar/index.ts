export { DeployBar } from './DeployBar.js';
export { usePipelineSync, type PipelineSyncView } from './use-pipeline-sync.js';
export { createPipelineSync, AUTOSAVE_DELAY_MS, STATUS_POLL_MS, type PipelineSync } from './pipeline-sync.js';
