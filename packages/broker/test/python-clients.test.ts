import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';
import { PYTHON, run } from './support/run.js';

let broker: BrokerProcess;

beforeAll(async () => {
  broker = await startBrokerProcess();
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));

async function createTopic(topic: string) {
  const admin = testKafka(broker.bootstrap).admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
  await admin.disconnect();
}

type Row = [partition: number, offset: number, key: string, value: string];

function expectComplete(records: Row[], count: number, prefix: string) {
  expect(records).toHaveLength(count);
  expect(new Set(records.map((r) => r[3]))).toEqual(new Set(Array.from({ length: count }, (_, i) => `${prefix}-${i}`)));
  for (let p = 0; p < 3; p++) {
    const offsets = records.filter((r) => r[0] === p).map((r) => r[1]);
    expect(offsets).toEqual(offsets.map((_, i) => i));
  }
  for (let k = 0; k < 5; k++) {
    const rows = records.filter((r) => r[2] === `k${k}`);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1);
    const order = rows.map((r) => Number(r[3].split('-')[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }
}

describe('kafka-python 2.0.2', () => {
  for (const compression of ['none', 'gzip']) {
    it(`produces and fetches keyed records (${compression})`, async () => {
      const topic = `py-${compression}`;
      await createTopic(topic);
      const res = await run(PYTHON, [script('kafka_python_roundtrip.py'), broker.bootstrap, topic, '500', compression]);
      expect(res.code, res.stderr).toBe(0);
      const out = JSON.parse(res.stdout);
      expect(out.acked).toBe(500);
      expectComplete(out.records, 500, 'py');
    });
  }
});

describe('confluent-kafka (librdkafka)', () => {
  for (const compression of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
    it(`produces and fetches keyed records (${compression})`, async () => {
      const topic = `cf-${compression}`;
      await createTopic(topic);
      const res = await run(PYTHON, [script('confluent_roundtrip.py'), broker.bootstrap, topic, '500', compression]);
      expect(res.code, res.stderr).toBe(0);
      const out = JSON.parse(res.stdout);
      expect(out.errors).toEqual([]);
      expect(out.acked).toBe(500);
      expectComplete(out.records, 500, 'cf');
    });
  }
});

describe('confluent-kafka AdminClient', () => {
  it('creates, grows, describes and deletes topics, and shows the broker\'s error messages', async () => {
    const res = await run(PYTHON, [script('confluent_admin.py'), broker.bootstrap]);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.create).toBe('ok');
    expect(out.duplicate).toMatch(/TOPIC_ALREADY_EXISTS.*already exists/);
    expect(out.replication).toMatch(/INVALID_REPLICATION_FACTOR.*embedded broker.*--bootstrap-server/);
    expect(out['bad-config']).toMatch(/INVALID_CONFIG.*Invalid value soon for configuration retention\.ms/);
    expect(out['bad-name']).toMatch(/TOPIC_EXCEPTION.*illegal/);
    expect(out.grow).toBe('ok');
    expect(out.shrink).toMatch(/INVALID_PARTITIONS.*currently has 3 partitions/);
    expect(out['retention.ms']).toBe('60000');
    expect(out.partitions).toBe(3);
    expect(out.delete).toBe('ok');
    expect(out['after-delete']).toBe(false);
  });
});
