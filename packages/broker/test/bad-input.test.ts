import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeResponse, encodeRequest } from '@sluice/kafka-protocol';
import { startBrokerProcess, type BrokerProcess } from '../src/testing/broker-process.js';
import { run } from './support/run.js';

let broker: BrokerProcess;

beforeAll(async () => {
  broker = await startBrokerProcess({ config: { 'socket.request.max.bytes': 1024 * 1024 } });
});

afterAll(async () => {
  await broker?.stop();
  broker?.cleanup();
});

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(broker.port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Sends raw bytes and resolves with what came back before the broker closed the connection. */
async function sendAndAwaitClose(bytes: Buffer, endAfterWrite = false): Promise<Buffer> {
  const socket = await open();
  const received: Buffer[] = [];
  socket.on('data', (d) => received.push(d));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(bytes);
  if (endAfterWrite) socket.end();
  await closed;
  return Buffer.concat(received);
}

const frame = (body: Buffer) => {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
};

function header(apiKey: number, apiVersion: number, correlationId = 7): Buffer {
  const b = Buffer.alloc(10);
  b.writeInt16BE(apiKey, 0);
  b.writeInt16BE(apiVersion, 2);
  b.writeInt32BE(correlationId, 4);
  b.writeInt16BE(-1, 8); // null client id
  return b;
}

async function brokerStillServes() {
  const res = await run('kcat', ['-b', broker.bootstrap, '-L', '-m', '5']);
  expect(res.code, res.stderr).toBe(0);
  expect(res.stdout).toContain('1 brokers');
  expect(broker.child.exitCode).toBeNull();
}

describe('bad input never takes the broker down', () => {
  it('closes a connection whose frame is over socket.request.max.bytes', async () => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(50 * 1024 * 1024);
    expect((await sendAndAwaitClose(size)).length).toBe(0);
    expect(broker.output()).toMatch(/over socket\.request\.max\.bytes/);
    await brokerStillServes();
  });

  it('closes a connection that sends a negative length', async () => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(-5);
    expect((await sendAndAwaitClose(size)).length).toBe(0);
    expect(broker.output()).toMatch(/negative request size -5/);
    await brokerStillServes();
  });

  it('closes a connection that sends HTTP to the Kafka port', async () => {
    await sendAndAwaitClose(Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
    expect(broker.output()).toMatch(/HTTP request arrived on the Kafka port/);
    await brokerStillServes();
  });

  it('closes a connection on an unknown API key', async () => {
    await sendAndAwaitClose(frame(header(999, 0)));
    expect(broker.output()).toMatch(/unknown API key 999/);
    await brokerStillServes();
  });

  it('closes a connection on a version it does not implement', async () => {
    await sendAndAwaitClose(frame(header(0, 2)));
    expect(broker.output()).toMatch(/API key 0 version 2 .* is not supported/);
    await brokerStillServes();
  });

  it('closes a connection whose body lies about an array length', async () => {
    const body = Buffer.alloc(4);
    body.writeInt32BE(1_000_000); // a million topics follow — but nothing does
    await sendAndAwaitClose(frame(Buffer.concat([header(3, 1), body])));
    await brokerStillServes();
  });

  it('survives garbage and a truncated frame from a client that hangs up', async () => {
    const garbage = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff));
    await sendAndAwaitClose(garbage, true);
    const truncated = frame(header(3, 1)).subarray(0, 9);
    await sendAndAwaitClose(truncated, true);
    await brokerStillServes();
  });

  it('answers ApiVersions at an unknown version in the v0 format with UNSUPPORTED_VERSION', async () => {
    const socket = await open();
    const chunks: Buffer[] = [];
    const answered = new Promise<Buffer>((resolve) =>
      socket.on('data', (d) => {
        chunks.push(d);
        const all = Buffer.concat(chunks);
        if (all.length >= 4 && all.length >= 4 + all.readInt32BE(0)) resolve(all.subarray(4, 4 + all.readInt32BE(0)));
      }),
    );
    // A newer client's ApiVersions: flexible header (v2) = v1 + an empty tagged-field section.
    socket.write(frame(Buffer.concat([header(18, 9, 42), Buffer.from([0])])));
    const body = await answered;
    socket.destroy();
    const decoded = decodeResponse(18, 0, body) as { correlationId: number; body: { errorCode: number; apiKeys: { apiKey: number }[] } };
    expect(decoded.correlationId).toBe(42);
    expect(decoded.body.errorCode).toBe(35);
    expect(decoded.body.apiKeys.map((k) => k.apiKey)).toContain(18);
  });

  it('answers pipelined requests in order', async () => {
    const socket = await open();
    const chunks: Buffer[] = [];
    const ids: number[] = [];
    const done = new Promise<void>((resolve) =>
      socket.on('data', (d) => {
        chunks.push(d);
        let all = Buffer.concat(chunks.splice(0));
        while (all.length >= 4 && all.length >= 4 + all.readInt32BE(0)) {
          ids.push(all.readInt32BE(4));
          all = all.subarray(4 + all.readInt32BE(0));
        }
        if (all.length) chunks.push(all);
        if (ids.length === 20) resolve();
      }),
    );
    const frames: Buffer[] = [];
    for (let i = 0; i < 20; i++) {
      frames.push(...encodeRequest(i % 2 ? 18 : 3, i % 2 ? 2 : 1, i, 'pipeline', i % 2 ? {} : { topics: [] }));
    }
    socket.write(Buffer.concat(frames));
    await done;
    socket.destroy();
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
