// pnpm bench:streams — the weather filter over 1,000,000 records on the embedded broker, run by the
// Sluice runtime under exactly_once_v2 and at_least_once and by a hand-written kafkajs loop; then
// end-to-end latency at a steady rate under both guarantees; then how fast topics written with
// zstd, lz4 and snappy are consumed next to an uncompressed one.
// Options: --records N (default 1000000), --rate R (default 2000), --seconds S (default 15),
// --rounds K (default 2): the contenders run K times, alternating, and the best run of each counts,
// which keeps a busy machine from deciding the ratio; --codec-records N (default 300000).
import { startBrokerProcess } from '@sluice/broker/testing';
import { validatePipeline, weatherPipeline, type Pipeline } from '@sluice/topology';
import { Kafka, logLevel } from 'kafkajs';
import { parseArgs } from 'node:util';
import type { ProcessingGuarantee } from '@sluice/topology';
import { PipelineRunner } from '../runner/index.js';
import { codecConsumeRates } from './codec-consume.js';
import { startHandWrittenLoop } from './hand-written-loop.js';
import { produceReadings, produceSteadily } from './weather-load.js';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '2' },
    'codec-records': { type: 'string', default: '300000' },
  },
});
const RECORDS = Number(values.records);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const ROUNDS = Math.max(1, Number(values.rounds));
const CODEC_RECORDS = Number(values['codec-records']);
const GUARANTEES: readonly ProcessingGuarantee[] = ['exactly_once_v2', 'at_least_once'];

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
    topics: ['bench-raw', 'bench-out-runtime', 'bench-out-hand', ...GUARANTEES.flatMap((g) => [`bench-steady-${g}`, `bench-steady-out-${g}`])].map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
    waitForLeaders: true,
  });
  log(`producing ${RECORDS.toLocaleString('en')} weather readings to 3 partitions…`);
  await produceReadings(kafka, 'bench-raw', RECORDS);

  // Each round reads the same input again, under a new consumer group per contender.
  let bestHand = 0;
  const bestRuntime = new Map<ProcessingGuarantee, number>();
  for (let round = 1; round <= ROUNDS; round++) {
    let handCount = 0;
    const hand = await startHandWrittenLoop(kafka, 'bench-raw', 'bench-out-hand', `bench-hand-${round}`, (n) => (handCount += n));
    const handRate = await measure(RECORDS, () => handCount);
    await hand.disconnect();
    bestHand = Math.max(bestHand, handRate);
    const rates = [`hand-written ${fmt(handRate)}`];
    for (const guarantee of GUARANTEES) {
      const pipeline = { ...weatherOn('bench-raw', 'bench-out-runtime'), processingGuarantee: guarantee };
      const runner = PipelineRunner.fromPipeline(pipeline, { pipelineId: `bench-${guarantee}-${round}`, kafka });
      await runner.start();
      const rate = await measure(RECORDS, () => runner.metrics().nodes.raw!.recordsIn);
      await runner.stop();
      bestRuntime.set(guarantee, Math.max(bestRuntime.get(guarantee) ?? 0, rate));
      rates.push(`${guarantee} ${fmt(rate)}`);
    }
    log(`round ${round} (records/s): ${rates.join(', ')}`);
  }
  const eos = bestRuntime.get('exactly_once_v2')!;
  const alos = bestRuntime.get('at_least_once')!;
  log(`hand-written kafkajs loop:        ${fmt(bestHand)} records/s (best of ${ROUNDS})`);
  log(`Sluice runtime, exactly_once_v2:  ${fmt(eos)} records/s (best of ${ROUNDS})`);
  log(`Sluice runtime, at_least_once:    ${fmt(alos)} records/s (best of ${ROUNDS})`);
  log(`ratios: exactly_once_v2 / at_least_once ${(eos / alos).toFixed(2)}, at_least_once / hand-written ${(alos / bestHand).toFixed(2)}, exactly_once_v2 / hand-written ${(eos / bestHand).toFixed(2)}`);

  for (const guarantee of GUARANTEES) {
    const pipeline = { ...weatherOn(`bench-steady-${guarantee}`, `bench-steady-out-${guarantee}`), processingGuarantee: guarantee };
    const steady = PipelineRunner.fromPipeline(pipeline, { pipelineId: `bench-steady-${guarantee}`, kafka });
    await steady.start();
    const sent = await produceSteadily(kafka, `bench-steady-${guarantee}`, RATE, SECONDS);
    while (steady.metrics().recordsProduced < sent) await sleep(20);
    const { latencyMs: latency } = steady.metrics();
    await steady.stop();
    log(
      `end-to-end latency, ${guarantee}, at ${RATE} records/s for ${SECONDS}s (${latency.count} records): ` +
        `p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`,
    );
  }

  log(`producing ${CODEC_RECORDS.toLocaleString('en')} readings per codec…`);
  const codecRates = await codecConsumeRates(kafka, admin, CODEC_RECORDS, ROUNDS);
  const plain = codecRates.get('none')!;
  for (const [codec, rate] of codecRates) {
    log(`consume ${codec.padEnd(6)} ${fmt(rate)} records/s (best of ${ROUNDS})${codec === 'none' ? '' : `, ${(rate / plain).toFixed(2)}× uncompressed`}`);
  }
} finally {
  await admin.disconnect().catch(() => undefined);
  await broker.stop();
  broker.cleanup();
}
