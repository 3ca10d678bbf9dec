export { compilePipeline } from './compile-pipeline.js';
export { PipelineCompileError } from './errors.js';
export { inTopologicalOrder } from './topological-order.js';
