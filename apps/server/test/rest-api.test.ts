import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SluiceServer } from '../src/index.js';
import { api, closedPort, startServer, tempDir, untilStatus } from './helpers.js';

let broker: BrokerProcess;
let server: SluiceServer;
const data = tempDir('sluice-rest-');

beforeAll(async () => {
  broker = await startBrokerProcess();
  // No web app here (whether or not apps/web is built), so the placeholder page is what / serves.
  server = await startServer(broker.bootstrap, data.path, { webDir: join(data.path, 'no-web-app') });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await broker?.stop();
  broker?.cleanup();
  data.remove();
});

/** A valid pipeline reading `from` and writing `to`. */
function pipeline(name: string, from = 'rest-in', to = 'rest-out') {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: from } },
      { id: 'big', type: 'filter', position: { x: 200, y: 0 }, config: { expression: 'value.n > 10' } },
      { id: 'out', type: 'sink', position: { x: 400, y: 0 }, config: { topic: to } },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'big' },
      { id: 'e2', source: 'big', target: 'out' },
    ],
  };
}

describe('pipelines API', { timeout: 30_000 }, () => {
  it('saves a valid pipeline as a draft, lists it, shows it and deletes it', async () => {
    const created = await api(server, 'POST', '/api/pipelines?deploy=false', pipeline('draft-one'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'draft-one', status: 'stopped', desiredState: 'stopped', valid: true, issues: [] });
    const id: string = created.body.id;
    expect(id).toMatch(/^draft-one-[0-9a-z]{6}$/);
    expect(created.headers.get('location')).toBe(`/api/pipelines/${id}`);

    const list = await api(server, 'GET', '/api/pipelines');
    expect(list.body.pipelines.map((p: { id: string }) => p.id)).toContain(id);
    const one = await api(server, 'GET', `/api/pipelines/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.definition.nodes.map((n: { id: string }) => n.id)).toEqual(['in', 'big', 'out']);
    expect(one.body.consumerGroup).toBe(`sluice-${id}`);

    expect((await api(server, 'DELETE', `/api/pipelines/${id}`)).status).toBe(204);
    const gone = await api(server, 'GET', `/api/pipelines/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toContain(id);
  });

  it('rejects an invalid pipeline with its issues, naming path and node', async () => {
    const bad = pipeline('broken');
    bad.nodes[1]!.config = { expression: 'value.n >' };
    const res = await api(server, 'POST', '/api/pipelines', bad);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/pipeline "broken" is not valid: nodes\[1\]\.config\.expression/);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: 'nodes[1].config.expression', nodeId: 'big', code: 'expression' })]);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js:\d+/); // no stack trace
    const list = await api(server, 'GET', '/api/pipelines');
    expect(list.body.pipelines.some((p: { name: string }) => p.name === 'broken')).toBe(false);
  });

  it('keeps an invalid draft with its issues, and refuses to start it until fixed', async () => {
    const draft = pipeline('wip');
    draft.edges = [{ id: 'e1', source: 'in', target: 'big' }]; // the filter leads nowhere, the sink gets nothing
    const created = await api(server, 'POST', '/api/pipelines?deploy=false', draft);
    expect(created.status).toBe(201);
    expect(created.body.valid).toBe(false);
    expect(created.body.issues.length).toBeGreaterThan(0);
    expect(created.body.issues.every((i: { path: string; message: string }) => typeof i.path === 'string' && i.message)).toBe(true);
    const id = created.body.id;

    const start = await api(server, 'POST', `/api/pipelines/${id}/start`);
    expect(start.status).toBe(400);
    expect(start.body.issues).toEqual(created.body.issues);

    // A draft whose shape is broken is kept as written, too.
    const shapeless = await api(server, 'PUT', `/api/pipelines/${id}?deploy=false`, { schemaVersion: 1, name: 'wip', nodes: 'soon' });
    expect(shapeless.status).toBe(200);
    expect(shapeless.body.definition.nodes).toBe('soon');
    expect(shapeless.body.valid).toBe(false);

    const fixed = await api(server, 'PUT', `/api/pipelines/${id}?deploy=false`, pipeline('wip'));
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ valid: true, issues: [], status: 'stopped' });
    await api(server, 'DELETE', `/api/pipelines/${id}`);
  });

  it('answers 409 for a name that is taken, on create and on rename', async () => {
    const a = await api(server, 'POST', '/api/pipelines?deploy=false', pipeline('taken-a'));
    const b = await api(server, 'POST', '/api/pipelines?deploy=false', pipeline('taken-b'));
    const again = await api(server, 'POST', '/api/pipelines?deploy=false', pipeline('taken-a'));
    expect(again.status).toBe(409);
    expect(again.body.error).toContain(`a pipeline named "taken-a" already exists (id ${a.body.id})`);
    const rename = await api(server, 'PUT', `/api/pipelines/${b.body.id}?deploy=false`, pipeline('taken-a'));
    expect(rename.status).toBe(409);
    const keep = await api(server, 'PUT', `/api/pipelines/${a.body.id}?deploy=false`, { ...pipeline('taken-a'), description: 'same name, same pipeline' });
    expect(keep.status).toBe(200);
    expect(keep.body.description).toBe('same name, same pipeline');
    await api(server, 'DELETE', `/api/pipelines/${a.body.id}`);
    await api(server, 'DELETE', `/api/pipelines/${b.body.id}`);
  });

  it('shows a failing pipeline as failed with its error, and starts it afresh on request', async () => {
    const created = await api(server, 'POST', '/api/pipelines', pipeline('too-early', 'late-topic', 'late-out'));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const failed = await untilStatus(server, id, 'failed');
    expect(failed.error).toMatch(/source topic "late-topic" does not exist/);
    expect(failed.lastError.message).toBe(failed.error);
    expect(Date.parse(failed.nextRestartAt)).not.toBeNaN();

    expect((await api(server, 'POST', '/api/topics', { name: 'late-topic' })).status).toBe(201);
    const restarted = await api(server, 'POST', `/api/pipelines/${id}/start`);
    expect(restarted.body.status).toMatch(/deploying|running/);
    const running = await untilStatus(server, id, 'running');
    expect(running.error).toBeUndefined();
    expect(running.lastError.message).toMatch(/late-topic/); // kept after the recovery
    expect((await api(server, 'DELETE', `/api/pipelines/${id}`)).status).toBe(204);
  });

  it('deploys with one verb: saves the body, starts a stopped pipeline, redeploys a running one', async () => {
    for (const name of ['deploy-in', 'deploy-out']) expect((await api(server, 'POST', '/api/topics', { name })).status).toBe(201);
    const created = await api(server, 'POST', '/api/pipelines?deploy=false', pipeline('one-verb', 'deploy-in', 'deploy-out'));
    const id: string = created.body.id;
    expect(created.body.status).toBe('stopped');

    // Stopped → running, with the definition sent along.
    const first = pipeline('one-verb', 'deploy-in', 'deploy-out');
    first.nodes[1]!.config = { expression: 'value.n > 20' };
    const started = await api(server, 'POST', `/api/pipelines/${id}/deploy`, first);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ desiredState: 'running', pendingChanges: false });
    expect(started.body.definition.nodes[1].config.expression).toBe('value.n > 20');
    const running = await untilStatus(server, id, 'running');

    // Running → redeployed with the changed definition (PUT would do this too; the verb does not depend on the state).
    const second = pipeline('one-verb', 'deploy-in', 'deploy-out');
    second.nodes[1]!.config = { expression: 'value.n > 30' };
    const redeployed = await api(server, 'POST', `/api/pipelines/${id}/deploy`, second);
    expect(redeployed.status).toBe(200);
    expect(redeployed.body.definition.nodes[1].config.expression).toBe('value.n > 30');
    expect(redeployed.body.pendingChanges).toBe(false);
    expect(redeployed.body.deployedAt > running.deployedAt).toBe(true);
    await untilStatus(server, id, 'running');

    // Invalid → 400 with its issues; nothing saved, the running definition stays.
    const bad = pipeline('one-verb', 'deploy-in', 'deploy-out');
    bad.nodes[1]!.config = { expression: 'value.n >' };
    const refused = await api(server, 'POST', `/api/pipelines/${id}/deploy`, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toEqual([expect.objectContaining({ path: 'nodes[1].config.expression', nodeId: 'big' })]);
    const kept = await api(server, 'GET', `/api/pipelines/${id}`);
    expect(kept.body.definition.nodes[1].config.expression).toBe('value.n > 30');

    // No body: deploys what is saved (here a stopped pipeline starts again).
    await api(server, 'POST', `/api/pipelines/${id}/stop`);
    const plain = await api(server, 'POST', `/api/pipelines/${id}/deploy`);
    expect(plain.status).toBe(200);
    expect(plain.body.desiredState).toBe('running');
    await untilStatus(server, id, 'running');
    expect((await api(server, 'DELETE', `/api/pipelines/${id}`)).status).toBe(204);
  });

  it('answers 404 for unknown pipeline ids on every route', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/pipelines/nope-123456'],
      ['PUT', '/api/pipelines/nope-123456', pipeline('x')],
      ['DELETE', '/api/pipelines/nope-123456'],
      ['POST', '/api/pipelines/nope-123456/start'],
      ['POST', '/api/pipelines/nope-123456/deploy'],
      ['POST', '/api/pipelines/nope-123456/deploy', pipeline('x')],
      ['POST', '/api/pipelines/nope-123456/stop'],
      ['GET', '/api/pipelines/nope-123456/metrics'],
    ] as const) {
      const res = await api(server, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error).toMatch(/no pipeline with id "nope-123456"/);
    }
  });

  it('answers 400 for bodies that are not JSON or not a pipeline, and 413 for bodies over 1 MB', async () => {
    const notJson = await api(server, 'POST', '/api/pipelines', '{"name": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatch(/not valid JSON/);
    const array = await api(server, 'POST', '/api/pipelines', [1, 2]);
    expect(array.status).toBe(400);
    expect(array.body.error).toMatch(/must be a pipeline document/);
    const badFlag = await api(server, 'POST', '/api/pipelines?deploy=maybe', pipeline('flag'));
    expect(badFlag.status).toBe(400);

    const huge = { ...pipeline('huge'), description: 'x'.repeat(1024 * 1024 + 10) };
    const tooLarge = await api(server, 'POST', '/api/pipelines', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatch(/larger than the 1024 KiB/);
  });

  it('answers unknown /api routes with a 404 in JSON and lists its routes at /api', async () => {
    const res = await api(server, 'GET', '/api/pipelinez');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'no API route GET /api/pipelinez; GET /api lists the routes' });
    expect((await api(server, 'PATCH', '/api/pipelines')).status).toBe(404);
    const index = await api(server, 'GET', '/api');
    expect(index.body.routes).toContain('GET    /api/live (server-sent events)');
  });

  it('serves a page that points at the API while the web UI is not built', async () => {
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('web UI is not built');
    expect(html).toContain('href="/api/pipelines"');
  });

  it('serves a built web app, with index.html for client-side routes but not for /api', async () => {
    const web = tempDir('sluice-web-');
    mkdirSync(join(web.path, 'assets'));
    writeFileSync(join(web.path, 'index.html'), '<!doctype html><title>Sluice designer</title>');
    writeFileSync(join(web.path, 'assets', 'app.js'), 'console.log("app")');
    const withWeb = await startServer(broker.bootstrap, join(web.path, 'data'), { webDir: web.path });
    try {
      for (const path of ['/', '/pipelines/abc-123456/edit']) {
        const res = await fetch(withWeb.url + path);
        expect(res.status, path).toBe(200);
        expect(await res.text()).toContain('Sluice designer');
      }
      const asset = await fetch(`${withWeb.url}/assets/app.js`);
      expect(await asset.text()).toBe('console.log("app")');
      const api404 = await api(withWeb, 'GET', '/api/nothing-here');
      expect(api404.status).toBe(404);
      expect(api404.body.error).toMatch(/no API route/);
      expect(await (await fetch(`${withWeb.url}/metrics`)).text()).toContain('# TYPE sluice_broker_up gauge');
    } finally {
      await withWeb.close();
      web.remove();
    }
  });

  it('reports liveness and the broker connection', async () => {
    const res = await api(server, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', broker: { state: 'connected', bootstrapServers: [broker.bootstrap] } });
  });
});

describe('topics API', { timeout: 30_000 }, () => {
  it('creates, lists, describes and deletes topics', async () => {
    const created = await api(server, 'POST', '/api/topics', { name: 'orders', partitions: 3, config: { 'retention.ms': 3600000 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'orders', messages: 0 });
    expect(created.body.partitions.map((p: { partition: number }) => p.partition)).toEqual([0, 1, 2]);

    const again = await api(server, 'POST', '/api/topics', { name: 'orders' });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('topic "orders" already exists');

    const list = await api(server, 'GET', '/api/topics');
    const orders = list.body.topics.find((t: { name: string }) => t.name === 'orders');
    expect(orders.partitions).toEqual([0, 1, 2].map((partition) => expect.objectContaining({ partition, earliestOffset: 0, endOffset: 0 })));

    expect((await api(server, 'DELETE', '/api/topics/orders')).status).toBe(204);
    expect((await api(server, 'GET', '/api/topics/orders')).status).toBe(404);
    const missing = await api(server, 'DELETE', '/api/topics/orders');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/topic "orders" does not exist/);
  });

  it('rejects bad topic requests with 400 naming the field', async () => {
    const badName = await api(server, 'POST', '/api/topics', { name: 'no spaces please' });
    expect(badName.status).toBe(400);
    expect(badName.body.issues[0].path).toBe('name');
    const badPartitions = await api(server, 'POST', '/api/topics', { name: 'ok', partitions: 0 });
    expect(badPartitions.status).toBe(400);
    expect(badPartitions.body.issues[0].path).toBe('partitions');
    const unknownField = await api(server, 'POST', '/api/topics', { name: 'ok', partitons: 3 });
    expect(unknownField.status).toBe(400);
    const replication = await api(server, 'POST', '/api/topics', { name: 'replicated', replicationFactor: 3 });
    expect(replication.status).toBe(400);
    expect(replication.body.error).toMatch(/cannot create topic "replicated"/);
  });

  it('produces test records and peeks at them, decoding JSON when it is JSON', async () => {
    await api(server, 'POST', '/api/topics', { name: 'peek', partitions: 2 });
    const records = [
      { key: 'a', value: { n: 1, tags: ['x'] }, headers: { source: 'test' }, partition: 0 },
      { key: 'b', value: 'plain text', partition: 0 },
      { key: null, value: 42, partition: 1 },
      { value: null, partition: 0 },
    ];
    const offsets: number[] = [];
    for (const record of records) {
      const res = await api(server, 'POST', '/api/topics/peek/messages', record);
      expect(res.status).toBe(201);
      expect(res.body.partition).toBe(record.partition);
      offsets.push(res.body.offset);
    }
    expect(offsets).toEqual([0, 1, 0, 2]);

    const p0 = await api(server, 'GET', '/api/topics/peek/messages?partition=0&offset=0&limit=10');
    expect(p0.status).toBe(200);
    expect(p0.body.messages.map((m: { offset: number }) => m.offset)).toEqual([0, 1, 2]);
    expect(p0.body.messages[0]).toMatchObject({
      key: { format: 'string', value: 'a' },
      value: { format: 'json', value: { n: 1, tags: ['x'] } },
      headers: { source: 'test' },
    });
    expect(p0.body.messages[1].value).toEqual({ format: 'string', value: 'plain text' });
    expect(p0.body.messages[2].value).toEqual({ format: 'null', value: null });

    const fromOne = await api(server, 'GET', '/api/topics/peek/messages?partition=0&offset=1&limit=1');
    expect(fromOne.body.messages.map((m: { offset: number }) => m.offset)).toEqual([1]);
    const all = await api(server, 'GET', '/api/topics/peek/messages?limit=2');
    expect(all.body.messages).toHaveLength(2);
    expect(all.body.partitions).toEqual([
      { partition: 0, earliestOffset: 0, endOffset: 3 },
      { partition: 1, earliestOffset: 0, endOffset: 1 },
    ]);
  });

  it('answers 404 for missing topics and partitions, 400 for bad peek queries and records', async () => {
    expect((await api(server, 'GET', '/api/topics/nowhere/messages')).status).toBe(404);
    expect((await api(server, 'POST', '/api/topics/nowhere/messages', { value: 1 })).status).toBe(404);
    await api(server, 'POST', '/api/topics', { name: 'small', partitions: 1 });
    expect((await api(server, 'GET', '/api/topics/small/messages?partition=5')).status).toBe(404);
    const limit = await api(server, 'GET', '/api/topics/small/messages?limit=100000');
    expect(limit.status).toBe(400);
    expect(limit.body.error).toMatch(/limit is at most 500/);
    expect((await api(server, 'GET', '/api/topics/small/messages?offset=-1')).status).toBe(400);
    expect((await api(server, 'POST', '/api/topics/small/messages', { value: 1, partition: 3 })).status).toBe(400);
    expect((await api(server, 'POST', '/api/topics/small/messages', { value: 1, headers: { n: 1 } })).status).toBe(400);
    const empty = await api(server, 'GET', '/api/topics/small/messages');
    expect(empty.body.messages).toEqual([]);
  });
});

describe('an unreachable broker', { timeout: 30_000 }, () => {
  it('answers 503 for calls that need the cluster, and health says why', async () => {
    const dir = tempDir('sluice-down-');
    const port = await closedPort();
    const lonely = await startServer(`127.0.0.1:${port}`, dir.path);
    try {
      const topics = await api(lonely, 'GET', '/api/topics');
      expect(topics.status).toBe(503);
      expect(topics.body.error).toMatch(new RegExp(`cannot reach the Kafka cluster at 127\\.0\\.0\\.1:${port}`));
      expect((await api(lonely, 'POST', '/api/topics', { name: 't' })).status).toBe(503);
      const health = await api(lonely, 'GET', '/api/health');
      expect(health.status).toBe(200);
      expect(health.body.broker).toMatchObject({ state: 'unreachable', bootstrapServers: [`127.0.0.1:${port}`] });
      expect(health.body.broker.error).toBeTruthy();
      // Pipelines are stored without the cluster; drafts work offline.
      expect((await api(lonely, 'POST', '/api/pipelines?deploy=false', pipeline('offline'))).status).toBe(201);
    } finally {
      await lonely.close();
      dir.remove();
    }
  });
});
