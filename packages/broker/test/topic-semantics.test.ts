import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeResponse, encodeRequest } from '@sluice/kafka-protocol';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { testKafka } from '../src/testing/kafka-helpers.js';
import { PYTHON, run } from './support/run.js';

// Kafka semantics that tools rely on: offsets by timestamp inside a batch, every standard topic
// config, DescribeLogDirs, and partition-creation limits that never stall other clients.
let broker: BrokerProcess;

beforeAll(async () => {
  broker = await startBrokerProcess({ config: { 'max.partitions.per.request': 10_000, 'max.broker.partitions': 1_500 } });
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));
const T = 1_700_000_000_000;

/** Four records 10 s apart in one batch. */
async function writeTimedBatch(topic: string) {
  const kafka = testKafka(broker.bootstrap);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [0, 1, 2, 3].map((i) => ({ key: `k${i}`, value: `v${i}`, timestamp: String(T + i * 10_000) })) });
  await producer.disconnect();
}

const STANDARD_CONFIGS: Record<string, string> = {
  'min.cleanable.dirty.ratio': '0.3',
  'min.compaction.lag.ms': '1000',
  'max.compaction.lag.ms': '600000',
  'segment.index.bytes': '1048576',
  'segment.jitter.ms': '10',
  preallocate: 'true',
  'message.timestamp.difference.max.ms': '3600000',
  'message.downconversion.enable': 'false',
  'leader.replication.throttled.replicas': '*',
  'follower.replication.throttled.replicas': '0:1',
  'delete.retention.ms': '1000',
  'compression.type': 'lz4',
};

describe('ListOffsets by timestamp at record precision', () => {
  it('kafkajs fetchTopicOffsetsByTimestamp finds the record inside one batch', async () => {
    await writeTimedBatch('times-kafkajs');
    const admin = testKafka(broker.bootstrap).admin();
    await admin.connect();
    const at = async (ts: number) => Number((await admin.fetchTopicOffsetsByTimestamp('times-kafkajs', ts))[0].offset);
    expect([await at(T), await at(T + 5_000), await at(T + 20_000), await at(T + 30_000)]).toEqual([0, 1, 2, 3]);
    expect(await at(T + 31_000)).toBe(4); // past every record: the log end, as kafkajs maps -1
    await admin.disconnect();
  });

  it('kcat -Q and confluent offsets_for_times agree', async () => {
    await writeTimedBatch('times-rdkafka');
    const q = await run('kcat', ['-Q', '-b', broker.bootstrap, '-t', `times-rdkafka:0:${T + 15_000}`]);
    expect(q.code, q.stderr).toBe(0);
    expect(q.stdout).toMatch(/offset 2\b/);
    const res = await run(PYTHON, [script('confluent_topic_configs.py'), broker.bootstrap, 'configs-confluent', JSON.stringify(STANDARD_CONFIGS), 'times-rdkafka', String(T + 25_000)]);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.offset_for_time).toBe(3);
    // The standard configs from the same run: accepted and described back.
    expect(out.created).toBe('ok');
    for (const [name, value] of Object.entries(STANDARD_CONFIGS)) expect(out.described[name], name).toBe(value);
  });
});

describe('topic configs', () => {
  it('kafkajs creates a topic with the standard configs and describes them back, defaults included', async () => {
    const admin = testKafka(broker.bootstrap).admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'configs-kafkajs', numPartitions: 1, configEntries: Object.entries(STANDARD_CONFIGS).map(([name, value]) => ({ name, value })) }],
    });
    const described = await admin.describeConfigs({ resources: [{ type: 2, name: 'configs-kafkajs' }], includeSynonyms: false });
    const entries = Object.fromEntries(described.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
    for (const [name, value] of Object.entries(STANDARD_CONFIGS)) expect(entries[name], name).toBe(value);
    expect(entries['local.retention.ms']).toBe('-2');
    expect(entries['message.timestamp.before.max.ms']).toBe('9223372036854775807');
    const bad = await admin
      .createTopics({ topics: [{ topic: 'configs-bad', configEntries: [{ name: 'min.cleanable.dirty.ratio', value: '1.5' }] }] })
      .then(() => null, (e: Error) => e);
    expect(errorTypes(bad)).toEqual(['INVALID_CONFIG']);
    await admin.disconnect();
  });
});

describe('DescribeLogDirs', () => {
  it('answers the data directory with each partition’s size', async () => {
    const frames = encodeRequest(35, 1, 5, 'log-dirs', { topics: [{ topic: 'times-kafkajs', partitions: [0] }] });
    const answer = await roundTrip(Buffer.concat(frames));
    const decoded = decodeResponse(35, 1, answer) as {
      body: { results: { errorCode: number; logDir: string; topics: { name: string; partitions: { partitionIndex: number; partitionSize: bigint }[] }[] }[] };
    };
    const [dir] = decoded.body.results;
    expect(dir.errorCode).toBe(0);
    expect(dir.logDir).toBe(broker.dataDir);
    expect(dir.topics).toHaveLength(1);
    expect(dir.topics[0].partitions[0].partitionIndex).toBe(0);
    expect(Number(dir.topics[0].partitions[0].partitionSize)).toBeGreaterThan(61);
    const all = decodeResponse(35, 0, await roundTrip(Buffer.concat(encodeRequest(35, 0, 6, 'log-dirs', { topics: null })))) as typeof decoded;
    expect(all.body.results[0].topics.map((t) => t.name)).toEqual(expect.arrayContaining(['times-kafkajs', 'times-rdkafka']));
  });
});

describe('partition-creation limits', () => {
  it('refuses 100,000 partitions in one request with INVALID_PARTITIONS while another client is served', async () => {
    const kafka = testKafka(broker.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    const err = await admin.createTopics({ topics: [{ topic: 'huge', numPartitions: 100_000 }] }).then(() => null, (e: Error) => e);
    expect(errorTypes(err)).toEqual(['INVALID_PARTITIONS']);
    expect(await admin.listTopics()).not.toContain('huge');
    await admin.disconnect();
  });

  it('creates 1,000 partitions in slices: another producer gets answers meanwhile; the broker cap answers POLICY_VIOLATION', async () => {
    const kafka = testKafka(broker.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'busy', numPartitions: 1 }] });
    const producer = kafka.producer();
    await producer.connect();
    let created = false;
    const creating = admin.createTopics({ topics: [{ topic: 'wide', numPartitions: 1_000 }], timeout: 60_000 }).then(() => (created = true));
    let servedDuringCreate = 0;
    while (!created) {
      await producer.send({ topic: 'busy', acks: -1, messages: [{ key: 'k', value: 'v' }] });
      if (!created) servedDuringCreate++;
    }
    await creating;
    expect(servedDuringCreate).toBeGreaterThan(2);
    const meta = await admin.fetchTopicMetadata({ topics: ['wide'] });
    expect(meta.topics[0].partitions).toHaveLength(1_000);
    const over = await admin.createTopics({ topics: [{ topic: 'one-too-many', numPartitions: 1_000 }] }).then(() => null, (e: Error) => e);
    expect(errorTypes(over)).toEqual(['POLICY_VIOLATION']);
    await producer.disconnect();
    await admin.disconnect();
  });
});

/** The Kafka error names inside a kafkajs topic-creation error (kafkajs drops the broker's message). */
function errorTypes(err: unknown): string[] {
  const errors = (err as { errors?: { type?: string }[] } | null)?.errors ?? [];
  return errors.map((e) => e.type ?? 'none');
}

function roundTrip(request: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(broker.port, broker.host, () => socket.write(request));
    let buf = Buffer.alloc(0);
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
        socket.destroy();
        resolve(buf.subarray(4, 4 + buf.readInt32BE(0)));
      }
    });
    socket.on('error', reject);
  });
}
