// `pnpm bench:broker`: 1,000,000 records of 100 bytes produced with kcat (librdkafka batching) and
// with kafkajs, then consumed back by each, against the real broker process. Prints records/s and
// MB/s for each side, the broker's peak RSS and the share of one core it used, and kafkajs's rate
// against a broker that discards everything (the most kafkajs can push here). kcat also produces and
// consumes over the same broker's SASL_SSL listener (TLS + SCRAM-SHA-256). Then confluent-kafka's
// plain, idempotent and transactional producers side by side (transactions-bench.ts).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { Kafka, logLevel } from 'kafkajs';
import { startBrokerProcess, brokerMainPath } from '../testing/broker-process.js';
import { measure, peakRssMiB } from './process-stats.js';
import { transactionBench } from './transactions-bench.js';
import { secureListenerBench } from './secure-listener.js';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RECORD_BYTES = 100;
const PARTITIONS = 3;
const KAFKAJS_BATCH = 5_000;
const KAFKAJS_IN_FLIGHT = 4;

interface Row {
  what: string;
  seconds: number;
  brokerCpu: number;
}

const rows: Row[] = [];
const value = Buffer.alloc(RECORD_BYTES, 'x');

function runQuiet(cmd: string, args: string[], stdinFile?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [stdinFile ? 'pipe' : 'ignore', 'ignore', 'inherit'] });
    if (stdinFile) {
      import('node:fs').then(({ createReadStream }) => createReadStream(stdinFile).pipe(child.stdin!));
    }
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))));
  });
}

async function writeInput(path: string): Promise<void> {
  const out = createWriteStream(path);
  const line = `${'x'.repeat(RECORD_BYTES)}\n`;
  const chunk = line.repeat(10_000);
  for (let i = 0; i < RECORDS / 10_000; i++) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function kafkajsProduce(kafka: Kafka, topic: string): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  const messages = Array.from({ length: KAFKAJS_BATCH }, () => ({ value }));
  let sent = 0;
  const lane = async () => {
    while (sent < RECORDS) {
      sent += KAFKAJS_BATCH;
      await producer.send({ topic, acks: 1, messages });
    }
  };
  await Promise.all(Array.from({ length: KAFKAJS_IN_FLIGHT }, lane));
  await producer.disconnect();
}

async function kafkajsConsume(kafka: Kafka, topic: string): Promise<void> {
  const consumer = kafka.consumer({ groupId: `bench-${Date.now()}`, maxBytes: 50 * 1024 * 1024, maxBytesPerPartition: 10 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        seen += batch.messages.length;
        if (seen >= RECORDS) resolve();
      },
    });
  });
  await consumer.disconnect();
}

function kafkaFor(bootstrap: string): Kafka {
  return new Kafka({ clientId: 'bench', brokers: [bootstrap], logLevel: logLevel.NOTHING });
}

async function createTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
  await admin.disconnect();
}

async function discardCeiling(): Promise<number> {
  const child = spawn(process.execPath, [brokerMainPath.replace(/main\.js$/, 'bench/discard-broker.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = /:(\d+)/.exec(line.toString())![1];
  const t0 = process.hrtime.bigint();
  await kafkajsProduce(kafkaFor(`127.0.0.1:${port}`), 'discard');
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  child.kill();
  return seconds;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const input = join(work, 'records.txt');
  await writeInput(input);
  const secure = secureListenerBench();
  const broker = await startBrokerProcess({ dataDir: join(work, 'data'), listeners: secure.listeners, config: secure.config });
  const secureKcat = secure.kcatArgs(broker.listeners.SASL_SSL!.bootstrap);
  const pid = broker.child.pid!;
  const kafka = kafkaFor(broker.bootstrap);
  try {
    await createTopic(kafka, 'bench-kcat');
    await createTopic(kafka, 'bench-kafkajs');
    await createTopic(kafka, 'bench-kcat-sasl-ssl');

    const kcatIn = await measure(pid, () =>
      runQuiet('kcat', ['-b', broker.bootstrap, '-P', '-t', 'bench-kcat', '-X', 'linger.ms=10', '-X', 'queue.buffering.max.messages=1000000'], input),
    );
    rows.push({ what: 'kcat produce', seconds: kcatIn.seconds, brokerCpu: kcatIn.cpuShare });
    const kcatOut = await measure(pid, () =>
      runQuiet('kcat', ['-b', broker.bootstrap, '-C', '-t', 'bench-kcat', '-o', 'beginning', '-c', String(RECORDS), '-q', '-f', '%o\n']),
    );
    rows.push({ what: 'kcat consume', seconds: kcatOut.seconds, brokerCpu: kcatOut.cpuShare });

    const secureIn = await measure(pid, () =>
      runQuiet('kcat', [...secureKcat, '-P', '-t', 'bench-kcat-sasl-ssl', '-X', 'linger.ms=10', '-X', 'queue.buffering.max.messages=1000000'], input),
    );
    rows.push({ what: 'kcat produce SASL_SSL', seconds: secureIn.seconds, brokerCpu: secureIn.cpuShare });
    const secureOut = await measure(pid, () =>
      runQuiet('kcat', [...secureKcat, '-C', '-t', 'bench-kcat-sasl-ssl', '-o', 'beginning', '-c', String(RECORDS), '-q', '-f', '%o\n']),
    );
    rows.push({ what: 'kcat consume SASL_SSL', seconds: secureOut.seconds, brokerCpu: secureOut.cpuShare });

    const jsIn = await measure(pid, () => kafkajsProduce(kafka, 'bench-kafkajs'));
    rows.push({ what: 'kafkajs produce', seconds: jsIn.seconds, brokerCpu: jsIn.cpuShare });
    const jsOut = await measure(pid, () => kafkajsConsume(kafka, 'bench-kafkajs'));
    rows.push({ what: 'kafkajs consume', seconds: jsOut.seconds, brokerCpu: jsOut.cpuShare });

    const ceiling = await discardCeiling();
    const rss = peakRssMiB(pid);

    console.log(`\nbench:broker — ${RECORDS.toLocaleString('en-US')} records of ${RECORD_BYTES} bytes, ${PARTITIONS} partitions\n`);
    console.log('what                   records/s      MB/s   broker CPU (share of one core)');
    for (const r of rows) {
      const rate = RECORDS / r.seconds;
      console.log(
        `${r.what.padEnd(21)} ${Math.round(rate).toLocaleString('en-US').padStart(10)}  ${((rate * RECORD_BYTES) / 1e6).toFixed(1).padStart(8)}   ${(r.brokerCpu * 100).toFixed(0)}%`,
      );
    }
    const ratio = ceiling / jsIn.seconds;
    console.log(`\nkafkajs into a discarding endpoint: ${Math.round(RECORDS / ceiling).toLocaleString('en-US')} records/s; the broker takes ${(ratio * 100).toFixed(0)}% of that`);
    console.log(
      `SASL_SSL against plaintext (kcat): produce ${((kcatIn.seconds / secureIn.seconds) * 100).toFixed(0)}%, consume ${((kcatOut.seconds / secureOut.seconds) * 100).toFixed(0)}% of the plaintext rate`,
    );
    console.log(`broker peak RSS: ${rss.toFixed(0)} MiB`);
    if (!process.env.BENCH_SKIP_TXN) await transactionBench(kafka, broker.bootstrap);
  } finally {
    await broker.stop();
    secure.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
