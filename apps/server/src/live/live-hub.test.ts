import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../logger.js';
import { LiveHub } from './live-hub.js';
import { sseEvent } from './sse-client.js';

const servers: Server[] = [];
const hubs: LiveHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) hub.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function serve(hub: LiveHub): Promise<string> {
  const server = createServer((req, res) => hub.attach(req, res));
  servers.push(server);
  hubs.push(hub);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function connect(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => request(url, resolve).on('error', reject).end());
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sseEvent', () => {
  it('frames an event with its id and JSON data', () => {
    expect(sseEvent('snapshot', { a: 1 }, 7)).toBe('id: 7\nevent: snapshot\ndata: {"a":1}\n\n');
  });
});

describe('LiveHub', () => {
  it('sends a snapshot at once and then on every tick, plus heartbeat comments', async () => {
    let n = 0;
    const hub = new LiveHub({ snapshot: () => ({ n: ++n }), logger: silentLogger, everyMs: 20, heartbeatEveryMs: 30 });
    const res = await connect(await serve(hub));
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    let text = '';
    res.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await until(() => (text.match(/event: snapshot/g) ?? []).length >= 3 && text.includes(': heartbeat'), 'snapshots and a heartbeat');
    expect(text.startsWith('retry: 3000\n\n')).toBe(true);
    expect(text).toContain('id: 1\nevent: snapshot\ndata: {"n":1}\n\n');
    expect(hub.clientCount).toBe(1);
    res.destroy();
    await until(() => hub.clientCount === 0, 'the client to be forgotten');
  });

  it('drops a client that stops reading instead of buffering for it without bound', async () => {
    const big = 'x'.repeat(64 * 1024);
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (m) => warnings.push(m) };
    const hub = new LiveHub({ snapshot: () => ({ big }), logger, everyMs: 5, limits: { maxBufferedBytes: 256 * 1024, maxSkippedSnapshots: 5 } });
    const url = await serve(hub);
    const reader = await connect(url);
    let received = 0;
    reader.on('data', (chunk: Buffer) => (received += chunk.length));
    const stalled = await connect(url);
    stalled.pause(); // a client that never reads again
    await until(() => hub.clientCount === 1, 'the stalled client to be dropped');
    expect(warnings.some((w) => /dropped a slow client/.test(w))).toBe(true);
    // The reading client keeps getting snapshots.
    const before = received;
    await until(() => received > before + 4 * big.length, 'more snapshots for the reading client');
    reader.destroy();
    stalled.destroy();
  });
});
