// pnpm bench:streams — the weather filter over 1,000,000 records on the embedded broker, run by the
// Sluice runtime and by a hand-written kafkajs loop; then end-to-end latency at a steady rate.
// Options: --records N (default 1000000), --rate R (default 2000), --seconds S (default 15),
// --rounds K (default 2): both contenders run K times, alternating, and the best run of each counts,
// which keeps a busy machine from deciding the ratio.
import { startBrokerProcess } from '@sluice/broker/testing';
import { validatePipeline, weatherPipeline, type Pipeline } from '@sluice/topology';
import { Kafka, logLevel } from 'kafkajs';
import { parseArgs } from 'node:util';
import { PipelineRunner } from '../runner/index.js';
import { startHandWrittenLoop } from './hand-written-loop.js';
import { produceReadings, produceSteadily } from './weather-load.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '2' },
  },
});
const RECORDS = Number(values.records);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const ROUNDS = Math.max(1, Number(values.rounds));

const log = (line: string) => process.stdout.write(line + '\n');

/** Rate over the span from the first consumed record to the last, polled every 20 ms. */
async function measure(total: number, consumed: () => number): Promise<number> {
  while (consumed() === 0) await sleep(5);
  const first = performance.now();
  while (consumed() < total) await sleep(20);
  return total / ((performance.now() - first) / 1000);
}

const fmt = (rate: number) => Math.round(rate).toLocaleString('en');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function weatherOn(input: string, output: string): Pipeline {
  const result = validatePipeline({
    ...weatherPipeline,
    nodes: weatherPipeline.nodes.map((n) =>
      n.type === 'source' ? { ...n, config: { ...n.config, topic: input } } : n.type === 'sink' ? { ...n, config: { ...n.config, topic: output } } : n,
    ),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.pipeline;
}

const broker = await startBrokerProcess();
const kafka = new Kafka({ clientId: 'bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
const admin = kafka.admin();
try {
  await admin.connect();
  await admin.createTopics({
    topics: ['bench-raw', 'bench-out-runtime', 'bench-out-hand', 'bench-steady', 'bench-steady-out'].map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
    waitForLeaders: true,
  });
  log(`producing ${RECORDS.toLocaleString('en')} weather readings to 3 partitions…`);
  await produceReadings(kafka, 'bench-raw', RECORDS);

  // Each round reads the same input again, under a new consumer group per contender.
  let bestHand = 0;
  let bestRuntime = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    let handCount = 0;
    const hand = await startHandWrittenLoop(kafka, 'bench-raw', 'bench-out-hand', `bench-hand-${round}`, (n) => (handCount += n));
    const handRate = await measure(RECORDS, () => handCount);
    await hand.disconnect();

    const pipeline = weatherOn('bench-raw', 'bench-out-runtime');
    const runner = PipelineRunner.fromPipeline(pipeline, { pipelineId: `bench-runtime-${round}`, kafka });
    await runner.start();
    const runtimeRate = await measure(RECORDS, () => runner.metrics().nodes.raw!.recordsIn);
    await runner.stop();
    log(`round ${round}: hand-written ${fmt(handRate)} records/s, runtime ${fmt(runtimeRate)} records/s`);
    bestHand = Math.max(bestHand, handRate);
    bestRuntime = Math.max(bestRuntime, runtimeRate);
  }
  log(`hand-written kafkajs loop: ${fmt(bestHand)} records/s (best of ${ROUNDS})`);
  log(`Sluice runtime:            ${fmt(bestRuntime)} records/s (best of ${ROUNDS})`);
  log(`ratio runtime / hand-written: ${(bestRuntime / bestHand).toFixed(2)}`);

  const steady = PipelineRunner.fromPipeline(weatherOn('bench-steady', 'bench-steady-out'), { pipelineId: 'bench-steady', kafka });
  await steady.start();
  const sent = await produceSteadily(kafka, 'bench-steady', RATE, SECONDS);
  while (steady.metrics().recordsProduced < sent) await sleep(20);
  const { latencyMs: latency } = steady.metrics();
  await steady.stop();
  log(`end-to-end latency at ${RATE} records/s for ${SECONDS}s (${latency.count} records): p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`);
} finally {
  await admin.disconnect().catch(() => undefined);
  await broker.stop();
  broker.cleanup();
}
