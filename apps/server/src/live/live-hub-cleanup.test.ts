import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { activeTimers, SseTestClient, until } from '../../test/sse-test-client.js';
import { silentLogger } from '../logger.js';
import { LiveHub } from './live-hub.js';

let server: Server | undefined;
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe('LiveHub connections', () => {
  it('tells clients how to reconnect, numbers snapshots across reconnects, and frees 50 closed clients with their timers', async () => {
    let n = 0;
    const hub = new LiveHub({ snapshot: () => ({ n: ++n }), logger: silentLogger, everyMs: 20, heartbeatEveryMs: 25 });
    server = createServer((req, res) => hub.attach(req, res));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const baseline = activeTimers();

    const first = await SseTestClient.open(url);
    await until(() => first.named('snapshot').length >= 2, 'two snapshots');
    expect(first.retry).toBe(3000);
    const ids = first.named('snapshot').map((e) => Number(e.id));
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    const lastId = first.named('snapshot').at(-1)!.id!;
    first.close();
    // A reconnect gets the current state at once, with a later id.
    const again = await SseTestClient.open(url, { 'last-event-id': lastId });
    await until(() => again.named('snapshot').length >= 1, 'a snapshot on reconnect');
    expect(Number(again.named('snapshot')[0]!.id)).toBeGreaterThan(Number(lastId));
    again.close();

    const clients = await Promise.all(Array.from({ length: 50 }, () => SseTestClient.open(url)));
    await until(() => hub.clientCount === 50, '50 clients');
    await until(() => clients.every((c) => c.named('snapshot').length >= 2 && c.comments.includes('heartbeat')), 'snapshots and heartbeats for all');
    for (const c of clients) c.close();
    await until(() => hub.clientCount === 0, 'every client to be forgotten');
    await until(() => activeTimers() <= baseline, "the stream timers to stop");
  });
});
