import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { createTopic, produce, testKafka } from '../src/testing/kafka-helpers.js';
import { PYTHON, run } from './support/run.js';

// Transactions as librdkafka (confluent-kafka) drives them against the real broker process.

let broker: BrokerProcess;
const script = fileURLToPath(new URL('./clients/confluent_txn.py', import.meta.url));

beforeAll(async () => {
  broker = await startBrokerProcess({ config: { 'transaction.abort.timed.out.transaction.cleanup.interval.ms': 200 } });
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

async function topics(...specs: [string, number][]) {
  const admin = testKafka(broker.bootstrap).admin();
  await admin.connect();
  for (const [name, partitions] of specs) await createTopic(admin, name, partitions);
  await admin.disconnect();
}

async function client<T>(mode: string, ...args: string[]): Promise<T> {
  const res = await run(PYTHON, [script, mode, broker.bootstrap, ...args], undefined, 90_000);
  expect(res.code, res.stderr).toBe(0);
  const lines = res.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

const labelled = (label: string) => Array.from({ length: 10 }, (_, i) => `${label}-${i}`);

describe('confluent-kafka transactions', () => {
  it('shows committed transactions at read_committed and aborted ones only at read_uncommitted', async () => {
    await topics(['txn-basic', 1]);
    const out = await client<{ committed: string[]; uncommitted: string[] }>('commit-abort', 'txn-basic');
    expect(out.committed).toEqual([...labelled('c1'), ...labelled('c2')]);
    expect(out.uncommitted).toEqual([...labelled('c1'), ...labelled('a1'), ...labelled('c2')]);
  });

  it('fences a zombie: a second producer with the same transactional id aborts and shuts out the first', async () => {
    await topics(['txn-fence', 1]);
    const out = await client<{ zombie: { name: string; fatal: boolean }; committed: string[] }>('fence', 'txn-fence');
    expect(out.zombie.name).not.toBe('committed');
    expect(out.zombie.fatal).toBe(true);
    expect(out.committed).toEqual(['successor']);
  });

  it('aborts a transaction left open past transaction.timeout.ms, so it stops holding back readers', async () => {
    await topics(['txn-timeout', 1]);
    const out = await client<{ hung: { name: string; abortable: boolean }; committed: string[] }>('timeout', 'txn-timeout');
    expect(out.hung.name).not.toBe('committed');
    // Fenced by the bumped epoch, or (when librdkafka saw its records time out first) recovered by
    // an abort that bumps the epoch itself (KIP-360); the hung record is never visible.
    expect(out.committed).toEqual(out.hung.abortable ? ['recovered', 'after'] : ['after']);
    expect(broker.output()).toMatch(/aborted transaction of "timeout-txn-timeout"/);
  });

  it('consume-transform-produce with send_offsets_to_transaction: every input once in the output across kill -9 of the worker', async () => {
    const count = 1500;
    await topics(['ctp-in', 3], ['ctp-out', 3]);
    await produce(testKafka(broker.bootstrap), 'ctp-in', Array.from({ length: count }, (_, i) => ({ key: `k${i % 13}`, value: `in-${i}` })));
    const args = [script, 'ctp', broker.bootstrap, 'ctp-in', 'ctp-out', 'ctp-group'];
    for (const killAfter of [200, 500, 900]) {
      // Run a worker until it has committed some more transactions, then kill it mid-stream.
      const worker = spawn(PYTHON, [...args, '30'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let progress = 0;
      let stderr = '';
      worker.stderr.on('data', (d) => (stderr += d));
      await new Promise<void>((resolve, reject) => {
        worker.stdout.on('data', (d: Buffer) => {
          for (const m of d.toString().matchAll(/open after (\d+)/g)) progress = Number(m[1]);
          if (progress >= killAfter / 3) {
            worker.kill('SIGKILL');
            resolve();
          }
        });
        worker.once('exit', (code) => (code === null ? resolve() : reject(new Error(`worker exited ${code} early: ${stderr}`))));
      });
    }
    const last = await run(PYTHON, [...args, '4'], undefined, 90_000);
    expect(last.code, last.stderr).toBe(0);

    const { values } = await client<{ values: string[] }>('read', 'ctp-out', 'read_committed');
    expect(values).toHaveLength(count);
    expect(new Set(values)).toEqual(new Set(Array.from({ length: count }, (_, i) => `out-in-${i}`)));
    const { values: raw } = await client<{ values: string[] }>('read', 'ctp-out', 'read_uncommitted');
    expect(raw.length).toBeGreaterThan(count); // the killed workers' open transactions were written, then aborted
  });
});
