// A running pipeline whose source topic is deleted mid-stream says so in its status ("source topic
// X was deleted") instead of sitting idle, and resumes once the topic exists again; deleting a topic
// that pipelines or groups read is refused with their names unless forced.
import { describe, expect, it } from 'vitest';
import { api, produce, readTopic, testKafka, until, untilStatus, useServerStack } from './helpers.js';

const stack = useServerStack('sluice-source-deleted-');

function pipeline(name: string, from: string, to: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: from } },
      { id: 'out', type: 'sink', position: { x: 200, y: 0 }, config: { topic: to } },
    ],
    edges: [{ id: 'e1', source: 'in', target: 'out' }],
  };
}

const records = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i % 3}`, value: JSON.stringify({ id: `${prefix}-${i}` }) }));

describe('a pipeline whose source topic is deleted', { timeout: 90_000 }, () => {
  it('reports "source topic X was deleted" within seconds, and resumes when the topic is back', async () => {
    const kafka = testKafka(stack.broker.bootstrap);
    expect((await api(stack.server, 'POST', '/api/topics', { name: 'raw_x', partitions: 2 })).status).toBe(201);
    const created = await api(stack.server, 'POST', '/api/pipelines', pipeline('copy-x', 'raw_x', 'copied_x'));
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    await untilStatus(stack.server, id, 'running');
    await produce(kafka, 'raw_x', records('before', 20));
    const admin = kafka.admin();
    await admin.connect();
    try {
      await until(async () => (await readTopic(kafka, admin, 'copied_x')).length === 20, 'the first records to be copied');

      // Deleted behind the server's back, as `sluice topics --delete` or any admin client would.
      await admin.deleteTopics({ topics: ['raw_x'] });
      const deletedAt = Date.now();
      const failed = await untilStatus(stack.server, id, 'failed', (p) => p.error === 'source topic raw_x was deleted');
      expect(Date.now() - deletedAt).toBeLessThan(10_000);
      expect(failed.desiredState).toBe('running');
      const list = await api(stack.server, 'GET', '/api/pipelines');
      expect(list.body.pipelines.find((p: { id: string }) => p.id === id)).toMatchObject({ status: 'failed', error: 'source topic raw_x was deleted' });
      // It stays so: no restart loop while the topic is missing.
      await new Promise((r) => setTimeout(r, 2_500));
      expect((await api(stack.server, 'GET', `/api/pipelines/${id}`)).body).toMatchObject({ status: 'failed', error: 'source topic raw_x was deleted' });

      const again = await api(stack.server, 'POST', '/api/topics', { name: 'raw_x', partitions: 2 });
      expect(again.status, JSON.stringify(again.body)).toBe(201);
      await untilStatus(stack.server, id, 'running');
      await produce(kafka, 'raw_x', records('after', 10));
      await until(async () => (await readTopic(kafka, admin, 'copied_x')).length === 30, 'records of the new topic to be copied');
      const ids = (await readTopic(kafka, admin, 'copied_x')).map((r) => JSON.parse(r.value!.toString()).id as string);
      expect(ids.filter((x) => x.startsWith('after-')).sort()).toEqual(records('after', 10).map((r) => JSON.parse(r.value).id).sort());
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses to delete a topic that a pipeline reads, naming it, until forced', async () => {
    const made = await api(stack.server, 'POST', '/api/topics', { name: 'raw_y', partitions: 1 });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const created = await api(stack.server, 'POST', '/api/pipelines', pipeline('copy-y', 'raw_y', 'copied_y'));
    const id: string = created.body.id;
    await untilStatus(stack.server, id, 'running');

    const readers = await api(stack.server, 'GET', '/api/topics/raw_y/readers');
    expect(readers.status).toBe(200);
    expect(readers.body).toMatchObject({ topic: 'raw_y', pipelines: [{ id, name: 'copy-y', status: 'running' }], groups: [] });
    const nobody = await api(stack.server, 'GET', '/api/topics/copied_y/readers');
    expect(nobody.body).toEqual({ topic: 'copied_y', pipelines: [], groups: [] });

    const refused = await api(stack.server, 'DELETE', '/api/topics/raw_y');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe(
      'topic "raw_y" is read by pipeline "copy-y" (running); deleting it stops them reading it. Repeat with ?force=true to delete it anyway.',
    );
    expect((await api(stack.server, 'GET', '/api/topics/raw_y')).status).toBe(200);

    expect((await api(stack.server, 'DELETE', '/api/topics/raw_y?force=true')).status).toBe(204);
    await untilStatus(stack.server, id, 'failed', (p) => p.error === 'source topic raw_y was deleted');
    expect((await api(stack.server, 'POST', `/api/pipelines/${id}/stop`)).status).toBeLessThan(300);
    await untilStatus(stack.server, id, 'stopped');
  });

  it('names consumer groups that read a topic', async () => {
    const kafka = testKafka(stack.broker.bootstrap);
    expect((await api(stack.server, 'POST', '/api/topics', { name: 'audited', partitions: 1 })).status).toBe(201);
    const admin = kafka.admin();
    await admin.connect();
    await admin.setOffsets({ groupId: 'audit', topic: 'audited', partitions: [{ partition: 0, offset: '0' }] });
    await admin.disconnect();
    const readers = await api(stack.server, 'GET', '/api/topics/audited/readers');
    expect(readers.body.groups).toEqual([expect.objectContaining({ groupId: 'audit' })]);
    const refused = await api(stack.server, 'DELETE', '/api/topics/audited');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/^topic "audited" is read by consumer group "audit";/);
  });
});
