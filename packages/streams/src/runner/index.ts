export { BatchCollector } from './batch-collector.js';
export { TransactionsUnavailableError } from './transactions-unavailable.js';
export { runnerLogCreator } from './kafka-log.js';
export { toConsumedRecord, toProducerMessage } from './kafka-records.js';
export { PipelineRunner, type PipelineRunnerOptions } from './pipeline-runner.js';
export { RateSampler, type RunnerMetrics, type RunnerState } from './runner-metrics.js';
export { ensureTopics } from './topic-setup.js';
