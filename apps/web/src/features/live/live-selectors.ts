import { useShallow } from 'zustand/react/shallow';
import { useLive, type LiveStore } from '../../infrastructure/live/index.js';
import { catchUpEstimate, type CatchUp } from './live-format.js';

// Narrow reads of the live store for canvas overlays: each returns primitives (or a shallow
// object of them), so an overlay re-renders only when its own numbers change.

/** Seconds of lag history the catch-up estimate looks back over. */
const CATCH_UP_WINDOW_S = 10;

function metricsOf(s: LiveStore, pipelineId: string) {
  const pipeline = s.pipelines[pipelineId];
  return pipeline && pipeline.status === 'running' ? pipeline.metrics : undefined;
}

/** Records per second on an edge; undefined while the pipeline is not running. */
export function useEdgeRate(pipelineId: string, edgeId: string): number | undefined {
  return useLive((s) => metricsOf(s, pipelineId)?.edges[edgeId]?.recordsPerSec);
}

export interface NodeRates {
  live: boolean;
  inPerSec: number;
  outPerSec: number;
  errorsPerSec: number;
  errors: number;
  deadLetters: number;
}

export function useNodeRates(pipelineId: string, nodeId: string): NodeRates {
  return useLive(
    useShallow((s) => {
      const node = metricsOf(s, pipelineId)?.nodes[nodeId];
      return {
        live: node !== undefined,
        inPerSec: node?.recordsInPerSec ?? 0,
        outPerSec: node?.recordsOutPerSec ?? 0,
        errorsPerSec: node?.errorsPerSec ?? 0,
        errors: node?.errors ?? 0,
        deadLetters: node?.deadLetters ?? 0,
      };
    }),
  );
}

/** True while a node is failing records right now: the canvas paints it red. */
export function useNodeErroring(pipelineId: string, nodeId: string): boolean {
  return useLive((s) => (metricsOf(s, pipelineId)?.nodes[nodeId]?.errorsPerSec ?? 0) > 0);
}

export interface SourceLag {
  lag: number;
  estimate: CatchUp['kind'];
  seconds: number;
  ratePerSec: number;
}

/** A source topic's lag (every partition) and how long it needs to catch up; null if not known. */
export function useSourceLag(pipelineId: string, topic: string | undefined): SourceLag | null {
  return useLive(
    useShallow((s) => {
      const metrics = metricsOf(s, pipelineId);
      if (!metrics || !topic) return null;
      const partitions = metrics.sources.filter((p) => p.topic === topic);
      if (partitions.length === 0) return null;
      const lag = partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0);
      void s.historyVersion; // the estimate follows the history, which grows with each snapshot
      const samples = s
        .historyOf(pipelineId)
        .recent(CATCH_UP_WINDOW_S)
        .map((p) => ({ t: p.t, lag: p.lagByTopic[topic] ?? 0 }));
      const estimate = catchUpEstimate(samples.length > 0 ? samples : [{ t: 0, lag }]);
      return {
        lag,
        estimate: estimate.kind,
        seconds: estimate.kind === 'draining' ? Math.round(estimate.seconds) : 0,
        ratePerSec: estimate.kind === 'draining' ? estimate.drainPerSec : estimate.kind === 'falling-behind' ? estimate.growthPerSec : 0,
      };
    }),
  );
}

/** End-to-end latency percentiles of a running pipeline, in ms. */
export function useLatency(pipelineId: string): { p50: number; p99: number; count: number } | null {
  return useLive(
    useShallow((s) => {
      const latency = metricsOf(s, pipelineId)?.latencyMs;
      return latency ? { p50: latency.p50, p99: latency.p99, count: latency.count } : null;
    }),
  );
}

/** Whether the live stream has this pipeline running with metrics. */
export function usePipelineRunning(pipelineId: string): boolean {
  return useLive((s) => metricsOf(s, pipelineId) !== undefined);
}
