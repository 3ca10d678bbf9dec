import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import type { Kafka } from 'kafkajs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SluiceServer } from '../src/index.js';
import type { TappedRecord } from '../src/taps/index.js';
import { api, produce, startServer, tempDir, testKafka, until, untilStatus } from './helpers.js';
import { SseTestClient } from './sse-test-client.js';

let broker: BrokerProcess;
let server: SluiceServer;
let kafka: Kafka;
let pipelineId: string;
const data = tempDir('sluice-live-');

const pipeline = {
  schemaVersion: 1,
  name: 'tapped',
  nodes: [
    { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: 'tap-in', format: 'json' } },
    { id: 'big', type: 'filter', position: { x: 200, y: 0 }, config: { expression: 'value.n > 10' } },
    { id: 'out', type: 'sink', position: { x: 400, y: 0 }, config: { topic: 'tap-out', format: 'json' } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'big' },
    { id: 'e2', source: 'big', target: 'out' },
  ],
};

beforeAll(async () => {
  broker = await startBrokerProcess();
  server = await startServer(broker.bootstrap, data.path);
  kafka = testKafka(broker.bootstrap);
  expect((await api(server, 'POST', '/api/topics', { name: 'tap-in', partitions: 1 })).status).toBe(201);
  const created = await api(server, 'POST', '/api/pipelines', pipeline);
  expect(created.status).toBe(201);
  pipelineId = created.body.id;
  await untilStatus(server, pipelineId, 'running');
}, 60_000);

afterAll(async () => {
  await server?.close();
  await broker?.stop();
  broker?.cleanup();
  data.remove();
});

const records = (client: SseTestClient) => client.named('record').map((e) => e.data as TappedRecord);

describe('record taps', () => {
  it('streams what passes a node and an edge, only while someone watches', async () => {
    // Processed before anyone taps: never sampled, so never shown.
    await produce(kafka, 'tap-in', [{ key: 'early', value: JSON.stringify({ n: 99 }) }]);
    await until(async () => (await api(server, 'GET', `/api/pipelines/${pipelineId}/metrics`)).body.nodes.in.recordsIn === 1 || undefined, 'the early record');
    expect(server.streamCounts().tappedPlaces).toBe(0);

    const node = await SseTestClient.open(`${server.url}/api/pipelines/${pipelineId}/taps?node=big`);
    const edge = await SseTestClient.open(`${server.url}/api/pipelines/${pipelineId}/taps?edge=e2`);
    await until(() => node.named('tap').length === 1 && edge.named('tap').length === 1, 'both streams to open');
    expect(node.retry).toBe(3000);
    expect(node.named('tap')[0]!.data).toEqual({ pipelineId, node: 'big', capacity: 50, maxEventsPerSecond: 20, status: 'running' });
    expect(server.streamCounts()).toMatchObject({ taps: 2, tappedPlaces: 2 });

    // The worker starts sampling a moment after the stream opens: probe until a record shows.
    let probes = 0;
    await until(async () => {
      if (records(node).length > 0) return true;
      await produce(kafka, 'tap-in', [{ key: `probe-${probes++}`, value: JSON.stringify({ n: 1 }) }]);
      return false;
    }, 'a probe record on the node tap');
    await produce(kafka, 'tap-in', [
      { key: 'small', value: JSON.stringify({ n: 5 }), headers: { origin: 'test' } },
      { key: 'large', value: JSON.stringify({ n: 20 }) },
    ]);
    await until(() => records(node).some((r) => r.key.value === 'large') && records(edge).length >= 1, 'the new records');
    expect(records(node).some((r) => r.key.value === 'early')).toBe(false);
    const small = records(node).find((r) => r.key.value === 'small')!;
    expect(small).toMatchObject({ key: { format: 'string', value: 'small' }, value: { format: 'json', value: { n: 5 } }, headers: { origin: 'test' }, topic: 'tap-in', partition: 0 });
    expect(typeof small.offset).toBe('number');
    expect(typeof small.timestamp).toBe('number');
    // Only records over 10 cross e2.
    expect(records(edge).map((r) => r.key.value)).toEqual(['large']);

    node.close();
    edge.close();
    await until(() => server.streamCounts().taps === 0, 'the tap streams to be forgotten');
    expect(server.streamCounts().tappedPlaces).toBe(0);
    // Tapping again starts empty: what passed before is not kept once nobody watches.
    const again = await SseTestClient.open(`${server.url}/api/pipelines/${pipelineId}/taps?node=big`);
    await until(() => again.named('tap').length === 1, 'the stream to open');
    await produce(kafka, 'tap-in', [{ key: 'later', value: JSON.stringify({ n: 50 }) }]);
    await until(() => records(again).some((r) => r.key.value === 'later'), 'the later record');
    expect(records(again).some((r) => r.key.value === 'large')).toBe(false);
    again.close();
  });

  it('names a node or edge the pipeline does not have, and asks for one of them', async () => {
    const unknown = await api(server, 'GET', `/api/pipelines/${pipelineId}/taps?node=nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/has no node "nope"/);
    expect((await api(server, 'GET', `/api/pipelines/${pipelineId}/taps`)).status).toBe(400);
    expect((await api(server, 'GET', `/api/pipelines/${pipelineId}/taps?node=big&edge=e1`)).status).toBe(400);
    expect((await api(server, 'GET', '/api/pipelines/no-such/taps?node=big')).status).toBe(404);
  });

  it('leaves dead-letter records readable through the topic peek, with why they failed', async () => {
    await produce(kafka, 'tap-in', [{ key: 'bad', value: 'not json' }]);
    const peeked = await until(async () => {
      const res = await api(server, 'GET', '/api/topics/tapped.dlq/messages?limit=10');
      return res.status === 200 && res.body.messages.length > 0 ? res.body : undefined;
    }, 'the dead letter');
    const dead = peeked.messages[0];
    expect(dead.value).toEqual({ format: 'string', value: 'not json' });
    expect(dead.headers).toMatchObject({ 'sluice.node': 'in', 'sluice.source.topic': 'tap-in' });
    expect(dead.headers['sluice.error']).toBeTruthy();
  });
});

/** One sample line of the text format: name, optional labels, a value, an optional timestamp. */
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\["\\n])*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)( -?\d+)?$/;

describe('GET /metrics', () => {
  it('is Prometheus text format with sluice_ names and pipeline, node and topic labels', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
      expect(line).toMatch(SAMPLE);
    }
    const families = parsePrometheusTextFormat(text);
    expect(families.every((f) => f.name.startsWith('sluice_'))).toBe(true);
    const family = (name: string) => families.find((f) => f.name === name);
    const recordsIn = family('sluice_node_records_in_total');
    expect(recordsIn?.type).toBe('COUNTER');
    const big = recordsIn!.metrics.find((m) => m.labels?.pipeline === pipelineId && m.labels.node === 'big');
    expect(Number(big?.value)).toBeGreaterThan(0);
    const lag = family('sluice_source_lag')!.metrics.find((m) => m.labels?.pipeline === pipelineId);
    expect(lag?.labels).toMatchObject({ topic: 'tap-in', partition: '0' });
    expect(family('sluice_edge_records_total')!.metrics.some((m) => m.labels?.edge === 'e2')).toBe(true);
    expect(family('sluice_broker_up')!.metrics[0]!.value).toBe('1');
  });
});

describe('GET /api/live', () => {
  it('sends snapshots with the running pipeline and forgets a client that goes', async () => {
    const client = await SseTestClient.open(`${server.url}/api/live`);
    await until(() => client.named('snapshot').length >= 2, 'two snapshots');
    const snapshot = client.named('snapshot')[1]!.data as { pipelines: Array<{ id: string; status: string; metrics?: unknown }> };
    expect(snapshot.pipelines.find((p) => p.id === pipelineId)).toMatchObject({ status: 'running', metrics: expect.objectContaining({ pipelineId }) });
    expect(server.streamCounts().live).toBe(1);
    client.close();
    await until(() => server.streamCounts().live === 0, 'the live client to be forgotten');
  });
});
