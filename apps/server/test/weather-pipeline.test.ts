import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import { EXTREME_WEATHER_EXPRESSION, WEATHER_TOPICS, weatherPipeline } from '@sluice/topology';
import type { Admin, Kafka, Message } from 'kafkajs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SluiceServer } from '../src/index.js';
import { api, produce, readTopic, startServer, tempDir, testKafka, until, untilStatus } from './helpers.js';

// One story, in order: the weather pipeline deployed over REST and taken through its whole life.

const STATIONS = ['oslo', 'cairo', 'denver', 'yakutsk'];
const DLQ = `${weatherPipeline.name}.dlq`;

let broker: BrokerProcess;
let kafka: Kafka;
let admin: Admin;
let server: SluiceServer;
let id: string;
const data = tempDir('sluice-weather-');

/** Every reading the test sent: its sequence number, and whether the pipeline should keep it. */
let nextSeq = 0;
const sent: Array<{ seq: number; station: string; temperature: number }> = [];

/** Readings with sequence numbers; `temperatureOf(i)` decides which ones are extreme. */
function readings(count: number, temperatureOf: (i: number) => number): Message[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = nextSeq++;
    const station = STATIONS[seq % STATIONS.length]!;
    const temperature = temperatureOf(i);
    sent.push({ seq, station, temperature });
    const value = { station, temperature, humidity: 50, windSpeed: 10, timestamp: Date.now(), seq };
    return { key: station, value: JSON.stringify(value) };
  });
}

async function outputSeqs(): Promise<Array<{ seq: number; station: string; partition: number }>> {
  const records = await readTopic(kafka, admin, WEATHER_TOPICS.processed);
  return records.map((r) => {
    const value = JSON.parse(r.value!.toString()) as { seq: number; station: string };
    expect(r.key).toBe(value.station);
    return { seq: value.seq, station: value.station, partition: r.partition };
  });
}

// Records, not offsets: under exactly_once_v2 every transaction also leaves a marker in the log.
const untilOutputs = (count: number) =>
  until(async () => (await readTopic(kafka, admin, WEATHER_TOPICS.processed)).length >= count, `${count} records in ${WEATHER_TOPICS.processed}`);

/** The pipeline has consumed and committed everything in its source topic. */
async function untilCaughtUp(): Promise<void> {
  await until(async () => {
    const ends = await admin.fetchTopicOffsets(WEATHER_TOPICS.raw);
    const [committed] = await admin.fetchOffsets({ groupId: `sluice-${id}`, topics: [WEATHER_TOPICS.raw] });
    const done = new Map(committed!.partitions.map((p) => [p.partition, Number(p.offset)]));
    return ends.every((e) => Number(e.high) === 0 || done.get(e.partition) === Number(e.high));
  }, 'the pipeline to commit everything in its source topic');
}

const seqsWhere = (keep: (r: { temperature: number }) => boolean, from = 0) => sent.filter((r) => r.seq >= from && keep(r)).map((r) => r.seq);
const extremeOld = (r: { temperature: number }) => r.temperature > 40 || r.temperature < -20;
const extremeNew = (r: { temperature: number }) => r.temperature > 30;

beforeAll(async () => {
  broker = await startBrokerProcess();
  kafka = testKafka(broker.bootstrap);
  admin = kafka.admin();
  await admin.connect();
  server = await startServer(broker.bootstrap, data.path);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await admin?.disconnect();
  await broker?.stop();
  broker?.cleanup();
  data.remove();
});

describe('the weather pipeline over REST', { timeout: 90_000 }, () => {
  it('deploys and keeps exactly the extreme readings, in order per station', async () => {
    for (const name of [WEATHER_TOPICS.raw, WEATHER_TOPICS.processed]) {
      expect((await api(server, 'POST', '/api/topics', { name, partitions: 3 })).status).toBe(201);
    }
    const created = await api(server, 'POST', '/api/pipelines', weatherPipeline);
    expect(created.status).toBe(201);
    expect(created.body.status).toMatch(/deploying|running/);
    id = created.body.id;
    await untilStatus(server, id, 'running');

    await produce(kafka, WEATHER_TOPICS.raw, readings(80, (i) => (i % 5 === 0 ? 41 + (i % 7) : i % 11 === 0 ? -25 : 15)));
    const expected = seqsWhere(extremeOld);
    expect(expected.length).toBeGreaterThan(15);
    await untilOutputs(expected.length);

    const out = await outputSeqs();
    expect(out.map((o) => o.seq).sort((a, b) => a - b)).toEqual(expected);
    for (const station of STATIONS) {
      const seqs = out.filter((o) => o.station === station).map((o) => o.seq);
      expect(seqs, `order of ${station}`).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it('sends records that are not JSON to the dead-letter topic with their headers', async () => {
    await produce(kafka, WEATHER_TOPICS.raw, [
      { key: 'oslo', value: 'temperature: hot', headers: { 'trace-id': 'bad-1' } },
      { key: 'cairo', value: '{"station": "cairo", ', headers: { 'trace-id': 'bad-2' } },
    ]);
    await until(async () => (await readTopic(kafka, admin, DLQ)).length >= 2, 'two dead letters');
    const dead = await readTopic(kafka, admin, DLQ);
    expect(dead.map((d) => d.value?.toString()).sort()).toEqual(['temperature: hot', '{"station": "cairo", '].sort());
    for (const d of dead) {
      expect(d.headers).toMatchObject({
        'sluice.pipeline': 'extreme-weather',
        'sluice.node': 'raw',
        'sluice.source.topic': WEATHER_TOPICS.raw,
      });
      expect(d.headers['trace-id']).toMatch(/^bad-[12]$/);
      expect(d.headers['sluice.error']).toMatch(/not valid JSON/);
      expect(Number(d.headers['sluice.source.offset'])).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports metrics per node, edge and source, on the API, in Prometheus format and live', async () => {
    const inputs = sent.length + 2;
    const metrics = await until(async () => {
      const { body } = await api(server, 'GET', `/api/pipelines/${id}/metrics`);
      return body.nodes.raw.recordsIn === inputs && body.lag === 0 ? body : undefined;
    }, 'metrics to count every input');
    expect(metrics.nodes.extreme.recordsOut).toBe(seqsWhere(extremeOld).length);
    expect(metrics.nodes.raw.deadLetters).toBe(2);
    expect(metrics.edges['extreme-processed']).toMatchObject({ source: 'extreme', target: 'processed', records: seqsWhere(extremeOld).length });
    expect(metrics.sources.map((s: { partition: number }) => s.partition)).toEqual([0, 1, 2]);
    expect(metrics.latencyMs.count).toBe(seqsWhere(extremeOld).length);
    expect(metrics.latencyMs.p99).toBeGreaterThanOrEqual(metrics.latencyMs.p50);
    expect(typeof metrics.nodes.raw.recordsInPerSec).toBe('number');

    const prometheus = await (await fetch(`${server.url}/metrics`)).text();
    expect(prometheus).toContain(`sluice_node_records_in_total{pipeline="${id}",node="raw"} ${inputs}`);
    expect(prometheus).toContain(`sluice_pipeline_status{pipeline="${id}",status="running"} 1`);
    expect(prometheus).toMatch(new RegExp(`sluice_source_lag\\{pipeline="${id}",topic="raw_weather_topic",partition="0"\\} 0`));
    expect(prometheus).toContain('# TYPE sluice_edge_records_total counter');

    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/live`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const snapshots: any[] = [];
    while (snapshots.length < 2) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const frame = text.slice(0, end);
        text = text.slice(end + 2);
        if (!frame.includes('event: snapshot')) continue;
        snapshots.push(JSON.parse(frame.split('\n').find((l) => l.startsWith('data: '))!.slice(6)));
      }
    }
    controller.abort();
    expect(snapshots).toHaveLength(2);
    const ours = snapshots[1].pipelines.find((p: { id: string }) => p.id === id);
    expect(ours).toMatchObject({ name: 'extreme-weather', status: 'running', metrics: { pipelineId: id } });
    expect(ours.metrics.nodes.raw.recordsIn).toBe(inputs);
  });

  it('stops, then starts again where it left off', async () => {
    const stopped = await api(server, 'POST', `/api/pipelines/${id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ status: 'stopped', desiredState: 'stopped' });
    const [group] = (await admin.describeGroups([`sluice-${id}`])).groups;
    expect(group!.members).toEqual([]);

    const from = nextSeq;
    await produce(kafka, WEATHER_TOPICS.raw, readings(20, (i) => (i % 4 === 0 ? 45 : 10)));
    expect((await api(server, 'GET', `/api/pipelines/${id}`)).body.status).toBe('stopped');

    const started = await api(server, 'POST', `/api/pipelines/${id}/start`);
    expect(started.status).toBe(200);
    expect(started.body.desiredState).toBe('running');
    await untilOutputs(seqsWhere(extremeOld).length);
    const out = (await outputSeqs()).map((o) => o.seq);
    expect(new Set(out).size).toBe(out.length); // nothing processed twice
    expect(out.filter((s) => s >= from).sort((a, b) => a - b)).toEqual(seqsWhere(extremeOld, from));
  });

  it('redeploys a changed threshold without losing or repeating records', async () => {
    await untilCaughtUp();
    const before = (await outputSeqs()).length;
    const hotter = structuredClone(weatherPipeline);
    hotter.nodes[1]!.config = { expression: 'value.temperature > 30.0' };
    const put = await api(server, 'PUT', `/api/pipelines/${id}`, hotter);
    expect(put.status).toBe(200);
    expect(put.body.definition.nodes[1].config.expression).toBe('value.temperature > 30.0');
    expect(put.body.pendingChanges).toBe(false);
    await untilStatus(server, id, 'running');

    const from = nextSeq;
    await produce(kafka, WEATHER_TOPICS.raw, readings(24, (i) => (i % 3 === 0 ? 35 : 20)));
    const added = seqsWhere(extremeNew, from);
    expect(added.length).toBe(8);
    await untilOutputs(before + added.length);
    const out = (await outputSeqs()).map((o) => o.seq);
    expect(out.length).toBe(before + added.length);
    expect(out.filter((s) => s >= from).sort((a, b) => a - b)).toEqual(added);
  });

  it('moving a node on the canvas saves without restarting the pipeline', async () => {
    const current = (await api(server, 'GET', `/api/pipelines/${id}`)).body;
    const moved = structuredClone(current.definition);
    moved.nodes[0].position = { x: 10, y: 80 };
    const put = await api(server, 'PUT', `/api/pipelines/${id}`, moved);
    expect(put.status).toBe(200);
    expect(put.body.status).toBe('running');
    expect(put.body.deployedAt).toBe(current.deployedAt);
  });

  it('resumes after a server restart without reprocessing from the start', async () => {
    await untilCaughtUp();
    const before = (await outputSeqs()).length;
    await server.close();
    expect(existsSync(join(data.path, 'pipelines', `${id}.json`))).toBe(true);

    server = await startServer(broker.bootstrap, data.path);
    const resumed = await untilStatus(server, id, 'running');
    expect(resumed.definition.nodes[1].config.expression).toBe('value.temperature > 30.0');

    const from = nextSeq;
    await produce(kafka, WEATHER_TOPICS.raw, readings(12, (i) => (i % 2 === 0 ? 33 : 12)));
    await untilOutputs(before + 6);
    const out = (await outputSeqs()).map((o) => o.seq);
    expect(out.length).toBe(before + 6);
    expect(new Set(out).size).toBe(out.length);
    expect(out.filter((s) => s >= from).sort((a, b) => a - b)).toEqual(seqsWhere(extremeNew, from));
  });

  it('loses and repeats nothing when its worker thread is killed mid-stream, and restarts it', async () => {
    const from = nextSeq;
    const before = (await outputSeqs()).length;
    let producing = true;
    const producer = (async () => {
      while (producing) {
        await produce(kafka, WEATHER_TOPICS.raw, readings(100, (i) => (i % 2 === 0 ? 36 : 18)));
        await new Promise((r) => setTimeout(r, 20)); // a steady stream, not a flood
      }
    })();
    try {
      await untilOutputs(before + 100);
      expect(await server.manager.crashWorker(id)).toBe(true);
      const failed = (await api(server, 'GET', `/api/pipelines/${id}`)).body;
      expect(failed.lastError.message).toMatch(/ended unexpectedly/);
      await untilStatus(server, id, 'running', (p) => p.restarts >= 1);
    } finally {
      producing = false;
      await producer;
    }
    const expected = seqsWhere(extremeNew, from);
    expect(expected.length).toBeGreaterThan(100);
    await untilOutputs(before + expected.length);
    await untilCaughtUp();
    const all = (await outputSeqs()).map((o) => o.seq);
    const out = new Set(all);
    const missing = expected.filter((s) => !out.has(s));
    expect(missing).toEqual([]);
    // exactly_once_v2 (the default): the crashed worker's open transaction was aborted, not replayed twice.
    expect(all.length).toBe(out.size);
  });

  it('is deleted with its stored file and consumer group', async () => {
    expect((await api(server, 'DELETE', `/api/pipelines/${id}`)).status).toBe(204);
    expect((await api(server, 'GET', `/api/pipelines/${id}`)).status).toBe(404);
    expect(existsSync(join(data.path, 'pipelines', `${id}.json`))).toBe(false);
    const { groups } = await admin.listGroups();
    expect(groups.map((g) => g.groupId)).not.toContain(`sluice-${id}`);
    // The same document deploys again under a new id.
    const again = await api(server, 'POST', '/api/pipelines?deploy=false', weatherPipeline);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(id);
    expect(EXTREME_WEATHER_EXPRESSION).toContain('value.temperature > 40.0');
  });
});
