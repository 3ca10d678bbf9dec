import type { TapTarget } from '@sluice/streams';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { activeTimers, SseTestClient, until } from '../../test/sse-test-client.js';
import { silentLogger } from '../logger.js';
import { TapHub, type TapControl } from './tap-hub.js';
import type { TappedBatch, TappedRecord } from './tapped-record.js';

/** Stands in for the PipelineManager: records tap switches and lets the test post batches. */
class FakeControl implements TapControl {
  readonly switches: Array<{ pipelineId: string; target: TapTarget; on: boolean }> = [];
  private listener: ((pipelineId: string, batches: readonly TappedBatch[]) => void) | undefined;
  tap(pipelineId: string, target: TapTarget, on: boolean): void {
    this.switches.push({ pipelineId, target, on });
  }
  onTapped(listener: (pipelineId: string, batches: readonly TappedBatch[]) => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  post(pipelineId: string, target: TapTarget, offsets: number[], missed = 0): void {
    this.listener?.(pipelineId, [{ target, missed, records: offsets.map(record) }]);
  }
  get listening(): boolean {
    return this.listener !== undefined;
  }
}

const record = (offset: number): TappedRecord => ({
  key: { format: 'string', value: `k${offset}` },
  value: { format: 'json', value: { n: offset } },
  headers: {},
  timestamp: 1_000 + offset,
  topic: 'in',
  partition: 0,
  offset,
});

const servers: Server[] = [];
const hubs: TapHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) hub.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function serve(hub: TapHub, target: TapTarget = { node: 'hot' }): Promise<string> {
  const server = createServer((req, res) => hub.attach(req, res, { pipelineId: 'p1', target, status: 'running' }));
  servers.push(server);
  hubs.push(hub);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const offsetsOf = (client: SseTestClient) => client.named('record').map((e) => (e.data as TappedRecord).offset);

describe('TapHub', () => {
  it('opens with retry and a tap event, samples only while watched, then streams records with ids', async () => {
    const control = new FakeControl();
    const hub = new TapHub({ control, logger: silentLogger });
    const url = await serve(hub);
    expect(control.switches).toEqual([]);
    const client = await SseTestClient.open(url);
    expect(client.response.headers['content-type']).toMatch(/^text\/event-stream/);
    await until(() => client.named('tap').length === 1, 'the tap event');
    expect(client.retry).toBe(3000);
    expect(client.events[0]).toEqual({ event: 'tap', data: { pipelineId: 'p1', node: 'hot', capacity: 50, maxEventsPerSecond: 20, status: 'running' } });
    expect(control.switches).toEqual([{ pipelineId: 'p1', target: { node: 'hot' }, on: true }]);

    control.post('p1', { node: 'hot' }, [1, 2]);
    control.post('p1', { node: 'other' }, [99]); // another place: not this stream's
    control.post('p2', { node: 'hot' }, [98]); // another pipeline
    await until(() => offsetsOf(client).length === 2, 'two records');
    expect(client.named('record')[0]).toEqual({ event: 'record', id: '1', data: record(1) });
    client.close();
    await until(() => hub.clientCount === 0, 'the client to be forgotten');
    expect(control.switches.at(-1)).toEqual({ pipelineId: 'p1', target: { node: 'hot' }, on: false });
    expect(hub.sessionCount).toBe(0);
  });

  it('sends the buffered records first, newest 50, and after Last-Event-ID only newer ones', async () => {
    const control = new FakeControl();
    const hub = new TapHub({ control, logger: silentLogger });
    const url = await serve(hub, { edge: 'e1' });
    const first = await SseTestClient.open(url);
    await until(() => first.named('tap').length === 1, 'the tap event');
    control.post('p1', { edge: 'e1' }, Array.from({ length: 60 }, (_, i) => i));
    const second = await SseTestClient.open(url);
    await until(() => offsetsOf(second).length === 50, 'the buffered records');
    expect(offsetsOf(second)).toEqual(Array.from({ length: 50 }, (_, i) => i + 10));
    const lastSeen = second.named('record')[47]!.id!;
    const resumed = await SseTestClient.open(url, { 'last-event-id': lastSeen });
    await until(() => offsetsOf(resumed).length === 2, 'the records after the last seen');
    expect(offsetsOf(resumed)).toEqual([58, 59]);
    expect(resumed.named('tap')[0]!.data).toMatchObject({ edge: 'e1' });
    for (const c of [first, second, resumed]) c.close();
  });

  it('sends at most the rate per client each second and says how many it dropped', async () => {
    const control = new FakeControl();
    const hub = new TapHub({ control, logger: silentLogger, limits: { maxEventsPerSecond: 5 }, windowMs: 50 });
    const url = await serve(hub);
    const client = await SseTestClient.open(url);
    await until(() => client.named('tap').length === 1, 'the tap event');
    control.post('p1', { node: 'hot' }, Array.from({ length: 30 }, (_, i) => i), 4);
    await until(() => client.named('dropped').length === 1, 'a dropped notice');
    expect(offsetsOf(client)).toEqual([0, 1, 2, 3, 4]);
    expect(client.named('dropped')[0]!.data).toEqual({ count: 25 + 4 });
    // The next window allows five more.
    control.post('p1', { node: 'hot' }, [30, 31]);
    await until(() => offsetsOf(client).length === 7, 'records in the next window');
    client.close();
  });

  it('frees everything when 50 clients go: no streams, no sampling, no timers', async () => {
    const control = new FakeControl();
    const hub = new TapHub({ control, logger: silentLogger, heartbeatEveryMs: 20 });
    const url = await serve(hub);
    const baseline = activeTimers();
    const clients = await Promise.all(Array.from({ length: 50 }, () => SseTestClient.open(url)));
    await until(() => hub.clientCount === 50, '50 clients');
    expect(control.switches.filter((s) => s.on)).toHaveLength(1); // one place, sampled once
    await until(() => clients.every((c) => c.comments.includes('heartbeat')), 'heartbeats');
    for (const c of clients) c.close();
    await until(() => hub.clientCount === 0, 'every client to be forgotten');
    expect(hub.sessionCount).toBe(0);
    expect(control.switches.at(-1)).toMatchObject({ on: false });
    await until(() => activeTimers() <= baseline, "the stream timers to stop");
    hub.close();
    expect(control.listening).toBe(false);
  });
});
