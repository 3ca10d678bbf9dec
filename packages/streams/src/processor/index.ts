export { ON_ERROR_MODES, PipelineStoppedError, errorMessage, type OnError } from './errors.js';
export type {
  NodeMetricsView,
  ProcessorContext,
  Processor,
  ProcessorSupplier,
  ProducedKind,
  TaskId,
} from './processor.js';
export type { LoweringContext, NodeLowering, NodeLowerings } from './node-lowering.js';
