import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import type { Consumer, Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SluiceServer } from '../src/index.js';
import { api, produce, startServer, tempDir, testKafka, until } from './helpers.js';

let broker: BrokerProcess;
let server: SluiceServer;
let kafka: Kafka;
const data = tempDir('sluice-groups-');
const GROUP = 'orders-readers';

beforeAll(async () => {
  broker = await startBrokerProcess();
  server = await startServer(broker.bootstrap, data.path);
  kafka = testKafka(broker.bootstrap);
  expect((await api(server, 'POST', '/api/topics', { name: 'orders', partitions: 2 })).status).toBe(201);
  await produce(
    kafka,
    'orders',
    Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `order-${i}` })),
  );
}, 60_000);

afterAll(async () => {
  await server?.close();
  await broker?.stop();
  broker?.cleanup();
  data.remove();
});

/** A member of GROUP that reads and commits everything on `orders`. */
async function member(): Promise<Consumer> {
  const consumer = kafka.consumer({ groupId: GROUP, sessionTimeout: 6_000, heartbeatInterval: 500, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  await consumer.run({ autoCommitInterval: 100, eachMessage: async () => undefined });
  return consumer;
}

describe('consumer groups API', () => {
  it('lists an active group with its members and lag, and refuses to reset or delete it', async () => {
    const consumer = await member();
    try {
      const detail = await until(async () => {
        const res = await api(server, 'GET', `/api/groups/${GROUP}`);
        // Every partition committed and caught up (a partition with no commit yet has lag null).
        const caughtUp = (p: { currentOffset: number | null; lag: number | null }) => p.currentOffset !== null && p.lag === 0;
        return res.status === 200 && res.body.state === 'Stable' && res.body.partitions.length === 2 && res.body.partitions.every(caughtUp)
          ? res.body
          : undefined;
      }, 'the group to commit everything');
      expect(detail.members).toHaveLength(1);
      expect(detail.members[0].assignment).toEqual([
        { topic: 'orders', partition: 0 },
        { topic: 'orders', partition: 1 },
      ]);
      expect(detail.partitions[0]).toMatchObject({ topic: 'orders', partition: 0, currentOffset: 5, earliestOffset: 0, logEndOffset: 5, lag: 0, memberId: detail.members[0].memberId, clientId: 'sluice-test' });
      expect(typeof detail.partitions[0].host).toBe('string');

      const list = await api(server, 'GET', '/api/groups');
      expect(list.body.groups).toContainEqual({ groupId: GROUP, state: 'Stable', protocolType: 'consumer', members: 1, lag: 0, topics: ['orders'] });

      const reset = await api(server, 'POST', `/api/groups/${GROUP}/reset-offsets`, { topic: 'orders', to: 'earliest' });
      expect(reset.status).toBe(409);
      expect(reset.body.error).toMatch(/consumer group "orders-readers" is active .*stop its consumers first/);
      expect((await api(server, 'DELETE', `/api/groups/${GROUP}`)).status).toBe(409);
    } finally {
      await consumer.disconnect();
    }
  });

  it('shows lag once records arrive, plans a reset without applying it, then applies resets', async () => {
    await until(async () => (await api(server, 'GET', `/api/groups/${GROUP}`)).body.state === 'Empty' || undefined, 'the group to be empty');
    await produce(kafka, 'orders', [{ partition: 0, value: 'late-1' }, { partition: 0, value: 'late-2' }, { partition: 1, value: 'late-3' }]);
    const lagging = await api(server, 'GET', `/api/groups/${GROUP}`);
    expect(lagging.body.lag).toBe(3);
    expect(lagging.body.partitions.map((p: { lag: number }) => p.lag)).toEqual([2, 1]);
    expect(lagging.body.partitions[0].memberId).toBeUndefined();

    const planned = await api(server, 'POST', `/api/groups/${GROUP}/reset-offsets`, { topic: 'orders', to: 'earliest', dryRun: true });
    expect(planned.status).toBe(200);
    expect(planned.body).toEqual({
      groupId: GROUP,
      topic: 'orders',
      dryRun: true,
      partitions: [
        { partition: 0, previousOffset: 5, newOffset: 0 },
        { partition: 1, previousOffset: 5, newOffset: 0 },
      ],
      warnings: [],
    });
    expect((await api(server, 'GET', `/api/groups/${GROUP}`)).body.lag).toBe(3); // nothing moved

    const toOffset = await api(server, 'POST', `/api/groups/${GROUP}/reset-offsets`, { topic: 'orders', to: 'offset', value: 100, partitions: [0] });
    expect(toOffset.status).toBe(200);
    expect(toOffset.body.partitions).toEqual([{ partition: 0, previousOffset: 5, newOffset: 7 }]);
    expect(toOffset.body.warnings[0]).toMatch(/past the end of the log; set to 7/);
    const shifted = await api(server, 'POST', `/api/groups/${GROUP}/reset-offsets`, { topic: 'orders', to: 'shift', value: -2 });
    expect(shifted.body.partitions).toEqual([
      { partition: 0, previousOffset: 7, newOffset: 5 },
      { partition: 1, previousOffset: 5, newOffset: 3 },
    ]);
    const after = await api(server, 'GET', `/api/groups/${GROUP}`);
    expect(after.body.partitions.map((p: { currentOffset: number }) => p.currentOffset)).toEqual([5, 3]);
    expect(after.body.lag).toBe(2 + 3);
    expect(after.body.state).toBe('Empty'); // the server's brief membership is over
  });

  it('checks a reset request and names what is wrong', async () => {
    const noValue = await api(server, 'POST', `/api/groups/${GROUP}/reset-offsets`, { topic: 'orders', to: 'offset' });
    expect(noValue.status).toBe(400);
    expect(noValue.body.error).toMatch(/value is required/);
    const noTopic = await api(server, 'POST', `/api/groups/${GROUP}/reset-offsets`, { topic: 'nope', to: 'latest' });
    expect(noTopic.status).toBe(404);
    const badPartition = await api(server, 'POST', `/api/groups/${GROUP}/reset-offsets`, { topic: 'orders', to: 'latest', partitions: [7] });
    expect(badPartition.status).toBe(400);
    expect(badPartition.body.error).toMatch(/no partition 7/);
  });

  it('deletes an inactive group; it is gone after', async () => {
    expect((await api(server, 'DELETE', `/api/groups/${GROUP}`)).status).toBe(204);
    expect((await api(server, 'GET', `/api/groups/${GROUP}`)).status).toBe(404);
    expect((await api(server, 'DELETE', `/api/groups/${GROUP}`)).status).toBe(404);
    const list = await api(server, 'GET', '/api/groups');
    expect(list.body.groups.some((g: { groupId: string }) => g.groupId === GROUP)).toBe(false);
  });
});
