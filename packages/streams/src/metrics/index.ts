export { LatencyHistogram, type LatencySummary } from './latency-histogram.js';
export { computeRates, type MetricsRates, type NodeRates } from './rates.js';
export {
  TopologyMetrics,
  type EdgeMetrics,
  type MetricsSnapshot,
  type NodeMetrics,
  type PartitionProgress,
  type SourcePartitionMetrics,
} from './topology-metrics.js';
