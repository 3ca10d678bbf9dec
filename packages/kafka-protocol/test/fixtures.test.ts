import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  apiFor,
  decodeRecords,
  decodeRequest,
  decodeRequestHeader,
  encodeRequest,
  ProtocolDecodeError,
  validateBatch,
  type RequestOf,
} from '../src/index.js';

// Request frames captured from real clients by test/fixtures/capture.mjs (kafkajs 2.2.4,
// librdkafka 2.0.2 via kcat and confluent_kafka, kafka-python 2.0.2), byte for byte.

const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Fixture {
  name: string;
  frame: Buffer;
}

const fixtures: Fixture[] = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(join(root, dir.name))
      .filter((file) => file.endsWith('.hex'))
      .map((file) => ({
        name: `${dir.name}/${file}`,
        frame: Buffer.from(readFileSync(join(root, dir.name, file), 'utf8').trim(), 'hex'),
      })),
  );

function load(name: string): Buffer {
  const fixture = fixtures.find((f) => f.name === name);
  if (!fixture) throw new Error(`fixture ${name} is missing: run test/fixtures/capture.mjs`);
  return fixture.frame;
}

/** Decodes a captured frame (size prefix included) after checking its header against `apiKey`/`version`. */
function request<K extends number>(name: string, apiKey: K, version: number) {
  const frame = load(name);
  expect(frame.readInt32BE(0)).toBe(frame.length - 4);
  const header = decodeRequestHeader(frame.subarray(4));
  expect(header).toMatchObject({ apiKey, apiVersion: version, clientId: 'sluice-fixture' });
  return { header, body: decodeRequest(apiKey, version, frame.subarray(4), header.bodyOffset) };
}

function onlyRecords(body: RequestOf<0>) {
  expect(body.topicData).toHaveLength(1);
  expect(body.topicData[0].partitionData).toHaveLength(1);
  const records = body.topicData[0].partitionData[0].records;
  if (!records) throw new Error('produce without records');
  return records;
}

describe('captured client requests', () => {
  it('cover every client and the APIs the broker meets first', () => {
    const clients = new Set(fixtures.map((f) => f.name.split('/')[0]));
    expect([...clients].sort()).toEqual([
      'confluent-kafka-librdkafka-2.0.2-consumer',
      'kafka-python-2.0.2',
      'kafkajs-2.2.4',
      'kafkajs-2.2.4-consumer',
      'kafkajs-2.2.4-transaction',
      'kcat-librdkafka-2.0.2-consumer',
      'kcat-librdkafka-2.0.2-list',
      'kcat-librdkafka-2.0.2-produce',
    ]);
    expect(fixtures.length).toBeGreaterThan(40);
  });

  describe.each(fixtures)('$name', ({ name, frame }) => {
    const [, apiName, version] = /-(\w+)-v(\d+)\.hex$/.exec(name) ?? [];
    const header = decodeRequestHeader(frame.subarray(4));

    it('has the API and version in its name', () => {
      expect(apiFor(header.apiKey)?.name).toBe(apiName);
      expect(header.apiVersion).toBe(Number(version));
    });

    it('decodes, and encodes back to the same bytes', () => {
      const body = decodeRequest(header.apiKey, header.apiVersion, frame.subarray(4), header.bodyOffset);
      const again = Buffer.concat(encodeRequest(header.apiKey, header.apiVersion, header.correlationId, header.clientId, body));
      expect(again.toString('hex')).toBe(frame.toString('hex'));
    });

    it('is rejected when cut short anywhere in the body', () => {
      const payload = frame.subarray(4);
      for (let end = header.bodyOffset; end < payload.length; end++) {
        expect(() => decodeRequest(header.apiKey, header.apiVersion, payload.subarray(0, end), header.bodyOffset)).toThrow(
          ProtocolDecodeError,
        );
      }
    });
  });
});

describe('librdkafka 2.0.2', () => {
  it('sends ApiVersions v3 with a v2 header and its software name in the flexible body', () => {
    const { header, body } = request('kcat-librdkafka-2.0.2-list/00-ApiVersions-v3.hex', 18, 3);
    // 2+2+4 bytes, int16-length clientId (not compact, even in header v2), then one tagged-field byte
    expect(header.bodyOffset).toBe(8 + 2 + 'sluice-fixture'.length + 1);
    expect(body).toEqual({ clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' });
  });

  it('asks Metadata v4 for the listed topic', () => {
    const { body } = request('kcat-librdkafka-2.0.2-list/01-Metadata-v4.hex', 3, 4);
    expect(body).toEqual({ topics: [{ name: 'fixture-topic' }], allowAutoTopicCreation: true });
  });

  it('asks for brokers only with an empty Metadata v4 topic list', () => {
    const { body } = request('kcat-librdkafka-2.0.2-consumer/01-Metadata-v4.hex', 3, 4);
    expect(body).toEqual({ topics: [], allowAutoTopicCreation: false });
  });

  it('produces a record batch v2 with acks=-1', () => {
    const { body } = request('kcat-librdkafka-2.0.2-produce/02-Produce-v7.hex', 0, 7);
    expect(body).toMatchObject({ transactionalId: null, acks: -1, timeoutMs: 30000 });
    expect(body.topicData[0].name).toBe('fixture-topic');
    const records = onlyRecords(body);
    expect(validateBatch(records)).toMatchObject({ ok: true, size: records.length });
    const [record] = decodeRecords(records);
    expect(record.key?.toString()).toBe('fixture-key');
    expect(record.value?.toString()).toBe('fixture-value');
  });

  it('fetches committed offsets with the flexible OffsetFetch v7', () => {
    const { header, body } = request('confluent-kafka-librdkafka-2.0.2-consumer/10-OffsetFetch-v7.hex', 9, 7);
    expect(header.bodyOffset).toBe(8 + 2 + 'sluice-fixture'.length + 1);
    expect(body).toEqual({
      groupId: 'fixture-group',
      topics: [{ name: 'fixture-topic', partitionIndexes: [0] }],
      requireStable: true,
    });
  });

  it('joins a group offering range and roundrobin', () => {
    const { body } = request('kcat-librdkafka-2.0.2-consumer/06-JoinGroup-v5.hex', 11, 5);
    expect(body).toMatchObject({ groupId: 'fixture-group', memberId: '', groupInstanceId: null, protocolType: 'consumer' });
    expect(body.protocols.map((p) => p.name)).toEqual(['range', 'roundrobin']);
  });

  it('fetches read_committed from offset 0 with Fetch v11', () => {
    const { body } = request('kcat-librdkafka-2.0.2-consumer/11-Fetch-v11.hex', 1, 11);
    expect(body).toMatchObject({ replicaId: -1, isolationLevel: 1, sessionId: 0, sessionEpoch: -1, rackId: '' });
    expect(body.topics).toEqual([
      {
        topic: 'fixture-topic',
        partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0n, logStartOffset: -1n, partitionMaxBytes: 1048576 }],
      },
    ]);
  });
});

describe('kafkajs 2.2.4', () => {
  it('opens with ApiVersions v2 and an empty body', () => {
    const { header, body } = request('kafkajs-2.2.4/00-ApiVersions-v2.hex', 18, 2);
    expect(header.correlationId).toBe(0);
    expect(header.bodyOffset).toBe(load('kafkajs-2.2.4/00-ApiVersions-v2.hex').length - 4);
    expect(body).toEqual({ clientSoftwareName: '', clientSoftwareVersion: '' });
  });

  it('asks Metadata v6 for its topic with auto-creation allowed', () => {
    const { body } = request('kafkajs-2.2.4/01-Metadata-v6.hex', 3, 6);
    expect(body).toEqual({ topics: [{ name: 'fixture-topic' }], allowAutoTopicCreation: true });
  });

  it('produces one keyed record with Produce v7', () => {
    const { body } = request('kafkajs-2.2.4/02-Produce-v7.hex', 0, 7);
    expect(body).toMatchObject({ transactionalId: null, acks: -1, timeoutMs: 30000 });
    const records = onlyRecords(body);
    expect(validateBatch(records).ok).toBe(true);
    const decoded = decodeRecords(records);
    expect(decoded.map((r) => [r.key?.toString(), r.value?.toString(), r.timestamp])).toEqual([
      ['fixture-key', 'fixture-value', 1700000000000],
    ]);
  });

  it('creates a topic with CreateTopics v3', () => {
    const { body } = request('kafkajs-2.2.4/05-CreateTopics-v3.hex', 19, 3);
    expect(body).toEqual({
      topics: [
        {
          name: 'created-topic',
          numPartitions: 3,
          replicationFactor: -1,
          assignments: [],
          configs: [{ name: 'cleanup.policy', value: 'compact' }],
        },
      ],
      timeoutMs: 5000,
      validateOnly: false,
    });
  });

  it('joins, syncs and fetches as a consumer', () => {
    const join = request('kafkajs-2.2.4-consumer/03-JoinGroup-v5.hex', 11, 5).body;
    expect(join).toMatchObject({ groupId: 'fixture-group', sessionTimeoutMs: 30000, rebalanceTimeoutMs: 60000, memberId: '' });
    expect(join.protocols.map((p) => p.name)).toEqual(['RoundRobinAssigner']);
    const sync = request('kafkajs-2.2.4-consumer/05-SyncGroup-v3.hex', 14, 3).body;
    expect(sync).toMatchObject({ generationId: 1, memberId: 'member-1' });
    expect(sync.assignments.map((a) => a.memberId)).toEqual(['member-1']);
    const offsets = request('kafkajs-2.2.4-consumer/06-OffsetFetch-v4.hex', 9, 4).body;
    expect(offsets.topics).toEqual([{ name: 'fixture-topic', partitionIndexes: [0] }]);
    const list = request('kafkajs-2.2.4-consumer/07-ListOffsets-v3.hex', 2, 3).body;
    expect(list.topics[0].partitions).toEqual([{ partitionIndex: 0, timestamp: -2n, maxNumOffsets: 1 }]);
    const fetch = request('kafkajs-2.2.4-consumer/08-Fetch-v11.hex', 1, 11).body;
    expect(fetch).toMatchObject({ maxWaitMs: 100, minBytes: 1, isolationLevel: 1 });
    const leave = request('kafkajs-2.2.4-consumer/09-LeaveGroup-v3.hex', 13, 3).body;
    expect(leave.members).toEqual([{ memberId: 'member-1', groupInstanceId: null }]);
  });

  it('runs a transaction', () => {
    const init = request('kafkajs-2.2.4-transaction/04-InitProducerId-v1.hex', 22, 1).body;
    expect(init).toEqual({ transactionalId: 'fixture-txn', transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 });
    const add = request('kafkajs-2.2.4-transaction/07-AddPartitionsToTxn-v1.hex', 24, 1).body;
    expect(add).toEqual({
      v3AndBelowTransactionalId: 'fixture-txn',
      v3AndBelowProducerId: 1000n,
      v3AndBelowProducerEpoch: 0,
      v3AndBelowTopics: [{ name: 'fixture-topic', partitions: [0] }],
    });
    const produce = request('kafkajs-2.2.4-transaction/08-Produce-v7.hex', 0, 7).body;
    expect(produce.transactionalId).toBe('fixture-txn');
    const commit = request('kafkajs-2.2.4-transaction/12-TxnOffsetCommit-v1.hex', 28, 1).body;
    expect(commit.topics[0].partitions).toEqual([
      { partitionIndex: 0, committedOffset: 5n, committedLeaderEpoch: -1, committedMetadata: null },
    ]);
    const end = request('kafkajs-2.2.4-transaction/14-EndTxn-v1.hex', 26, 1).body;
    expect(end).toEqual({ transactionalId: 'fixture-txn', producerId: 1000n, producerEpoch: 0, committed: true });
  });
});

describe('kafka-python 2.0.2', () => {
  it('sends ApiVersions v0 and then Metadata v0 for all topics (empty list)', () => {
    expect(request('kafka-python-2.0.2/00-ApiVersions-v0.hex', 18, 0).body).toEqual({
      clientSoftwareName: '',
      clientSoftwareVersion: '',
    });
    expect(request('kafka-python-2.0.2/01-Metadata-v0.hex', 3, 0).body.topics).toEqual([]);
    expect(request('kafka-python-2.0.2/02-Metadata-v1.hex', 3, 1).body.topics).toBeNull();
  });

  it('produces with acks=1', () => {
    const { body } = request('kafka-python-2.0.2/03-Produce-v7.hex', 0, 7);
    expect(body.acks).toBe(1);
    const [record] = decodeRecords(onlyRecords(body));
    expect(record.value?.toString()).toBe('fixture-value');
  });
});
