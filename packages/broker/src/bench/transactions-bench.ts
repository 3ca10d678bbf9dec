// Producer modes compared in one run against one broker, all driven by confluent-kafka: plain,
// idempotent (as a ratio of plain) and transactional with transactions of 100 and 10,000 records,
// with commit latency p50/p99. Each figure is the median of a few repetitions.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { brokerMainPath } from '../testing/broker-process.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(brokerMainPath), '..', 'bench-clients', 'confluent_txn_bench.py');
const RECORDS = Number(process.env.BENCH_TXN_RECORDS ?? 200_000);
const REPEATS = 3;

interface ClientRun {
  seconds: number;
  commitMs: number[];
}

function client(bootstrap: string, topic: string, mode: string, txnSize?: number): Promise<ClientRun> {
  const args = [SCRIPT, bootstrap, topic, mode, String(RECORDS), ...(txnSize ? [String(txnSize)] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${SCRIPT} ${mode} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ClientRun);
    });
  });
}

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs every mode REPEATS times (interleaved, so drift hits all alike) and prints the table. */
export async function transactionBench(kafka: Kafka, bootstrap: string): Promise<void> {
  const modes = [
    { what: 'plain', mode: 'plain' },
    { what: 'idempotent', mode: 'idempotent' },
    { what: 'txn × 100', mode: 'transactional', size: 100 },
    { what: 'txn × 10,000', mode: 'transactional', size: 10_000 },
  ];
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: modes.map((m, i) => ({ topic: `bench-producer-${i}`, numPartitions: 3 })) });
  await admin.disconnect();
  const runs = modes.map(() => [] as ClientRun[]);
  for (let r = 0; r < REPEATS; r++) {
    for (const [i, m] of modes.entries()) runs[i]!.push(await client(bootstrap, `bench-producer-${i}`, m.mode, m.size));
  }
  const rate = (i: number) => RECORDS / median(runs[i]!.map((x) => x.seconds));
  console.log(`\nconfluent-kafka producers, ${RECORDS.toLocaleString('en-US')} records of 100 bytes, median of ${REPEATS} runs\n`);
  console.log('producer          records/s   vs plain   commit p50 / p99 (ms)');
  for (const [i, m] of modes.entries()) {
    const commits = runs[i]!.flatMap((x) => x.commitMs);
    const latency = commits.length > 0 ? `${percentile(commits, 50).toFixed(1)} / ${percentile(commits, 99).toFixed(1)}` : '';
    console.log(
      `${m.what.padEnd(16)} ${Math.round(rate(i)).toLocaleString('en-US').padStart(10)}   ${(rate(i) / rate(0)).toFixed(2).padStart(8)}   ${latency}`,
    );
  }
}
