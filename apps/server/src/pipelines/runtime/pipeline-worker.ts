// The body of a pipeline's worker thread: one PipelineRunner, driven by messages from the
// PipelineManager. A pipeline that is slow, throws, or runs out of memory takes down only this thread.
import { PipelineRunner, PipelineStoppedError } from '@sluice/streams';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerSettings } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('pipeline-worker.js runs as a worker thread of the Sluice server');
const settings = workerData as WorkerSettings;
const post = (message: FromWorker) => port.postMessage(message);

const runner = PipelineRunner.fromPipeline(settings.pipeline, {
  pipelineId: settings.pipelineId,
  brokers: settings.brokers,
  sessionTimeout: settings.tuning.sessionTimeoutMs ?? 10_000,
  heartbeatInterval: settings.tuning.heartbeatIntervalMs ?? 1_000,
  onFailure: (error) => fail(error),
});

let metricsTimer: NodeJS.Timeout | undefined;
let ending = false;

function fail(error: unknown): void {
  if (ending) return;
  ending = true;
  clearInterval(metricsTimer);
  post({ type: 'metrics', metrics: runner.metrics() });
  const message = error instanceof Error ? error.message : String(error);
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
  if (message.type === 'metrics') {
    if (!ending) post({ type: 'metrics', metrics: runner.metrics() });
    return;
  }
  if (ending) return;
  ending = true;
  clearInterval(metricsTimer);
  // A stop that arrives while starting waits for the start, so no client is left connecting.
  void started
    .then(() => runner.stop())
    .then(() => {
      post({ type: 'metrics', metrics: runner.metrics() });
      post({ type: 'stopped' });
      port.close();
    });
});
