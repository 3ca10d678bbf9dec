import type { KafkaConnectionSettings } from '@sluice/kafka-admin';
import type { RunnerMetrics, TapTarget } from '@sluice/streams';
import type { TappedBatch } from '../../taps/tapped-record.js';
import type { Pipeline } from '@sluice/topology';

/** Client settings of a pipeline's runner that the server tunes (tests shorten them). */
export interface RunnerTuning {
  /** How long the group waits for a member that stopped heartbeating; default 10 s. */
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
}

/** What a pipeline worker thread is started with (its workerData). */
export interface WorkerSettings {
  readonly pipelineId: string;
  readonly pipeline: Pipeline;
  readonly brokers: readonly string[];
  /** The server's TLS and SASL settings (plain data: workerData cannot carry functions). */
  readonly connection: KafkaConnectionSettings;
  readonly tuning: RunnerTuning;
  readonly metricsEveryMs: number;
  /** Places to sample from the start (taps that were open before a restart or redeploy). */
  readonly taps: readonly TapTarget[];
}

export type ToWorker =
  /** Finish the batch in hand, commit it, leave the group, then exit. */
  | { readonly type: 'stop' }
  /** Post a metrics snapshot now. */
  | { readonly type: 'metrics' }
  /** Start or stop sampling the records that pass a node or an edge. */
  | { readonly type: 'tap'; readonly target: TapTarget; readonly on: boolean };

export type FromWorker =
  | { readonly type: 'running' }
  | { readonly type: 'metrics'; readonly metrics: RunnerMetrics }
  /** `retriable` is false when restarting would fail the same way (a node with onError "stop"). */
  | { readonly type: 'failed'; readonly error: string; readonly retriable: boolean }
  | { readonly type: 'stopped' }
  /** Records sampled at tapped places since the last post. */
  | { readonly type: 'tapped'; readonly batches: readonly TappedBatch[] };
