// The body of a pipeline's worker thread: one PipelineRunner, driven by messages from the
// PipelineManager. A pipeline that is slow, throws, or runs out of memory takes down only this thread.
import { explainSecurityFailure, kafkaJsSecurity } from '@sluice/kafka-admin';
import { PipelineRunner, PipelineStoppedError, type TapTarget } from '@sluice/streams';
import { parentPort, workerData } from 'node:worker_threads';
import { tappedRecord } from '../../taps/tapped-record.js';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('pipeline-worker.js runs as a worker thread of the Sluice server');
const settings = workerData as WorkerSettings;
const post = (message: FromWorker) => port.postMessage(message);

const runner = PipelineRunner.fromPipeline(settings.pipeline, {
  pipelineId: settings.pipelineId,
  brokers: settings.brokers,
  kafkaConfig: kafkaJsSecurity(settings.connection),
  sessionTimeout: settings.tuning.sessionTimeoutMs ?? 10_000,
  heartbeatInterval: settings.tuning.heartbeatIntervalMs ?? 1_000,
  onFailure: (error) => fail(error),
});

let metricsTimer: NodeJS.Timeout | undefined;
/** Posts sampled records while anything is tapped; no timer runs otherwise. */
let tapTimer: NodeJS.Timeout | undefined;
const TAP_POST_EVERY_MS = 100;

function postTapped(): void {
  const batches = runner.taps.drain();
  if (batches.length > 0) {
    post({ type: 'tapped', batches: batches.map((b) => ({ target: b.target, missed: b.missed, records: b.records.map(tappedRecord) })) });
  }
}

function setTap(target: TapTarget, on: boolean): void {
  try {
    if (on) runner.taps.start(target);
    else runner.taps.stop(target);
  } catch {
    // A place the deployed definition does not have (it changed under an open tap): nothing to sample.
  }
  if (runner.taps.active) tapTimer ??= setInterval(postTapped, TAP_POST_EVERY_MS);
  else {
    clearInterval(tapTimer);
    tapTimer = undefined;
  }
}

for (const target of settings.taps) setTap(target, true);
let ending = false;

function fail(error: unknown): void {
  if (ending) return;
  ending = true;
  clearInterval(metricsTimer);
  clearInterval(tapTimer);
  post({ type: 'metrics', metrics: runner.metrics() });
  const message = explainSecurityFailure(error, settings.connection) ?? (error instanceof Error ? error.message : String(error));
  post({ type: 'failed', error: message, retriable: !(error instanceof PipelineStoppedError) });
  port!.close();
}

const started = runner.start().then(
  () => {
    if (ending) return;
    post({ type: 'running' });
    metricsTimer = setInterval(() => post({ type: 'metrics', metrics: runner.metrics() }), settings.metricsEveryMs);
  },
  (error: unknown) => fail(error),
);

port.on('message', (message: ToWorker) => {
  if (message.type === 'tap') {
    if (!ending) setTap(message.target, message.on);
    return;
  }
  if (message.type === 'metrics') {
    if (!ending) post({ type: 'metrics', metrics: runner.metrics() });
    return;
  }
  if (ending) return;
  ending = true;
  clearInterval(metricsTimer);
  clearInterval(tapTimer);
  // A stop that arrives while starting waits for the start, so no client is left connecting.
  void started
    .then(() => runner.stop())
    .then(() => {
      post({ type: 'metrics', metrics: runner.metrics() });
      post({ type: 'stopped' });
      port.close();
    });
});
