import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompressionTypes } from 'kafkajs';
import { RecordBatchHeader } from '@sluice/kafka-protocol';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';
import { run } from './support/run.js';

// Log compaction and the topic configs behind it, against the real broker process, with kafkajs
// writing and kcat (librdkafka) reading. The cleaner runs every 200 ms here.
let broker: BrokerProcess;

beforeAll(async () => {
  broker = await startBrokerProcess({ config: { 'log.cleaner.backoff.ms': 200 } });
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

const KEYS = 20;
const ROUNDS = 15;
const compactConfigs = (extra: Record<string, string> = {}) =>
  Object.entries({
    'cleanup.policy': 'compact',
    'segment.bytes': '4096',
    'min.cleanable.dirty.ratio': '0.01',
    'delete.retention.ms': '1500',
    ...extra,
  }).map(([name, value]) => ({ name, value }));

async function createCompacted(topic: string, extra: Record<string, string> = {}) {
  const admin = testKafka(broker.bootstrap).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: compactConfigs(extra) }] });
  await admin.disconnect();
}

/** ROUNDS versions of KEYS keys (offset = round * KEYS + key), tombstones for keys 0–4, then fillers that seal them. */
async function writeVersions(topic: string, compression = CompressionTypes.None) {
  const producer = testKafka(broker.bootstrap).producer();
  await producer.connect();
  for (let round = 0; round < ROUNDS; round++) {
    const messages = Array.from({ length: KEYS }, (_, k) => ({ key: `k${k}`, value: `v${round}-${k}-${'x'.repeat(40)}` }));
    await producer.send({ topic, acks: -1, compression, messages });
  }
  await producer.send({ topic, acks: -1, messages: [0, 1, 2, 3, 4].map((k) => ({ key: `k${k}`, value: null })) });
  for (let i = 0; i < 40; i++) await producer.send({ topic, acks: -1, messages: [{ key: `filler${i}`, value: 'f'.repeat(200) }] });
  await producer.disconnect();
}

interface Row {
  offset: number;
  key: string;
  value: string | null;
}

async function kcatRead(topic: string): Promise<Row[]> {
  const res = await run('kcat', ['-C', '-b', broker.bootstrap, '-t', topic, '-o', 'beginning', '-e', '-q', '-Z', '-f', '%o\t%k\t%s\n']);
  expect(res.code, res.stderr).toBe(0);
  return res.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const [offset, key, value] = l.split('\t');
      return { offset: Number(offset), key, value: value === 'NULL' ? null : value };
    });
}

async function until<T>(what: string, probe: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const versioned = (rows: Row[]) => rows.filter((r) => /^k\d+$/.test(r.key));

function expectLatestOnly(rows: Row[], withTombstones: boolean) {
  const tombstoneBase = ROUNDS * KEYS;
  const expected: Row[] = [];
  for (let k = 5; k < KEYS; k++) expected.push({ offset: (ROUNDS - 1) * KEYS + k, key: `k${k}`, value: `v${ROUNDS - 1}-${k}-${'x'.repeat(40)}` });
  if (withTombstones) for (let k = 0; k < 5; k++) expected.push({ offset: tombstoneBase + k, key: `k${k}`, value: null });
  expect(versioned(rows)).toEqual(expected);
}

describe('log compaction', () => {
  it('keeps only the latest record per key at its offset, and drops tombstones after delete.retention.ms', async () => {
    await createCompacted('compact-plain');
    await writeVersions('compact-plain');
    const cleaned = await until('the cleaner', () => kcatRead('compact-plain'), (rows) => versioned(rows).length <= KEYS);
    const tombstonesKept = versioned(cleaned).some((r) => r.value === null);
    if (tombstonesKept) expectLatestOnly(cleaned, true);
    const later = await until('tombstones to go', () => kcatRead('compact-plain'), (rows) => versioned(rows).length === KEYS - 5);
    expectLatestOnly(later, false);
    // Fillers (never overwritten) are all still there, in order, at their offsets.
    expect(later.filter((r) => r.key.startsWith('filler')).map((r) => r.offset)).toEqual(
      Array.from({ length: 40 }, (_, i) => ROUNDS * KEYS + 5 + i),
    );
  });

  it('compacts gzip-compressed batches and keeps them gzip', async () => {
    await createCompacted('compact-gzip', { 'delete.retention.ms': '86400000' });
    await writeVersions('compact-gzip', CompressionTypes.GZIP);
    const rows = await until('the cleaner', () => kcatRead('compact-gzip'), (r) => versioned(r).length <= KEYS);
    expectLatestOnly(rows, true);
    const codecs = storedCodecs('compact-gzip');
    expect(codecs.has(1)).toBe(true);
  });

  it('refuses keyless records on a compacted topic with INVALID_RECORD, naming the fix', async () => {
    await createCompacted('compact-keyless');
    const producer = testKafka(broker.bootstrap).producer();
    await producer.connect();
    const err = await producer.send({ topic: 'compact-keyless', messages: [{ value: 'no key' }] }).then(
      () => null,
      (e: Error & { type?: string; cause?: { type?: string } }) => e,
    );
    await producer.send({ topic: 'compact-keyless', messages: [{ key: 'k', value: 'keyed' }] });
    await producer.disconnect();
    expect(err).not.toBeNull();
    expect(JSON.stringify({ type: err!.type, cause: err!.cause?.type, message: err!.message })).toMatch(/INVALID_RECORD|failed the validation/);
    expect((await kcatRead('compact-keyless')).map((r) => r.value)).toEqual(['keyed']);
  });
});

describe('compression.type', () => {
  it('zstd: batches sent uncompressed are stored in zstd and read back by kcat', async () => {
    const admin = testKafka(broker.bootstrap).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'zstd-topic', numPartitions: 1, configEntries: [{ name: 'compression.type', value: 'zstd' }] }] });
    await admin.disconnect();
    const producer = testKafka(broker.bootstrap).producer();
    await producer.connect();
    await producer.send({ topic: 'zstd-topic', acks: -1, messages: Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: `value-${i}`.repeat(10) })) });
    await producer.disconnect();
    expect([...storedCodecs('zstd-topic')]).toEqual([4]);
    const rows = await kcatRead('zstd-topic');
    expect(rows.map((r) => r.offset)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(rows[49].value).toBe('value-49'.repeat(10));
  });
});

/** The codecs of the batches stored on disk for partition 0 of `topic`. */
function storedCodecs(topic: string): Set<number> {
  const dir = join(broker.dataDir, `${topic}-0`);
  const codecs = new Set<number>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
    const data = readFileSync(join(dir, name));
    for (let pos = 0; pos + 61 <= data.length; ) {
      const h = new RecordBatchHeader(data, pos);
      if (h.recordCount > 0) codecs.add(h.compression);
      pos += h.sizeInBytes;
    }
  }
  return codecs;
}
