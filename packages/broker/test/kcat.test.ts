import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { run } from './support/run.js';

let broker: BrokerProcess;

beforeAll(async () => {
  broker = await startBrokerProcess({ config: { 'num.partitions': 3 } });
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

const kcat = (args: string[], input?: string) => run('kcat', ['-b', broker.bootstrap, ...args], input);

describe('kcat (librdkafka)', () => {
  it('lists the broker and its topics (-L)', async () => {
    await kcat(['-P', '-t', 'listed'], 'one\n');
    const res = await kcat(['-L', '-t', 'listed']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/1 brokers:\s+broker 1 at 127\.0\.0\.1:\d+ \(controller\)/);
    expect(res.stdout).toMatch(/topic "listed" with 3 partitions/);
  });

  for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
    it(`produces keyed records compressed with ${codec} and consumes every partition in order`, async () => {
      const topic = `kcat-${codec}`;
      const lines = Array.from({ length: 3000 }, (_, i) => `s${i % 11}:${codec}-${i}`);
      const produced = await kcat(['-P', '-t', topic, '-K', ':', '-z', codec, '-X', 'linger.ms=20'], lines.join('\n') + '\n');
      expect(produced.code, produced.stderr).toBe(0);

      const all: { partition: number; offset: number; key: string; value: string }[] = [];
      for (let p = 0; p < 3; p++) {
        const res = await kcat(['-C', '-t', topic, '-p', String(p), '-o', 'beginning', '-e', '-f', '%p|%o|%k|%s\n']);
        expect(res.code, res.stderr).toBe(0);
        for (const line of res.stdout.split('\n').filter(Boolean)) {
          const [partition, offset, key, value] = line.split('|');
          all.push({ partition: Number(partition), offset: Number(offset), key, value });
        }
      }
      expect(all).toHaveLength(3000);
      expect(new Set(all.map((r) => r.value)).size).toBe(3000);
      for (let p = 0; p < 3; p++) {
        const offsets = all.filter((r) => r.partition === p).map((r) => r.offset);
        expect(offsets).toEqual(offsets.map((_, i) => i));
      }
      for (let s = 0; s < 11; s++) {
        const mine = all.filter((r) => r.key === `s${s}`);
        expect(new Set(mine.map((r) => r.partition)).size).toBe(1);
        const order = mine.map((r) => Number(r.value.split('-')[1]));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    });
  }

  it('reads from an offset and stops at the end (-o, -c)', async () => {
    await kcat(['-P', '-t', 'offsets', '-p', '0'], Array.from({ length: 20 }, (_, i) => `m${i}`).join('\n') + '\n');
    const res = await kcat(['-C', '-t', 'offsets', '-p', '0', '-o', '15', '-e']);
    expect(res.stdout.trim().split('\n')).toEqual(['m15', 'm16', 'm17', 'm18', 'm19']);
    const two = await kcat(['-C', '-t', 'offsets', '-p', '0', '-o', '-2', '-e']);
    expect(two.stdout.trim().split('\n')).toEqual(['m18', 'm19']);
  });
});
