/** A pipeline the runtime cannot build; validatePipeline reports the same problems up front. */
export class PipelineCompileError extends Error {
  override readonly name = 'PipelineCompileError';
}
