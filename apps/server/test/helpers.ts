import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import type { Admin } from 'kafkajs';
import { afterAll, beforeAll } from 'vitest';
import { createServer, silentLogger, type ServerOptions, type SluiceServer } from '../src/index.js';

export { produce, readTopic, testKafka, type ReadRecord } from '@sluice/broker/testing';

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A server on a free loopback port, quiet, with a short group session so crash recovery is quick. */
export function startServer(bootstrap: string, dataDir: string, options: Partial<ServerOptions> = {}): Promise<SluiceServer> {
  return createServer({
    port: 0,
    bootstrapServers: bootstrap,
    dataDir,
    logger: silentLogger,
    runner: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500 },
    ...options,
  });
}

/**
 * One real broker process and one server for a whole test file: started before its tests, stopped
 * and removed after them.
 */
export function useServerStack(dataDirPrefix: string): { readonly broker: BrokerProcess; readonly server: SluiceServer } {
  let broker: BrokerProcess | undefined;
  let server: SluiceServer | undefined;
  const data = tempDir(dataDirPrefix);
  beforeAll(async () => {
    broker = await startBrokerProcess();
    server = await startServer(broker.bootstrap, data.path);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await broker?.stop();
    broker?.cleanup();
    data.remove();
  });
  return {
    get broker() {
      if (!broker) throw new Error('the broker process has not started');
      return broker;
    },
    get server() {
      if (!server) throw new Error('the server has not started');
      return server;
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One JSON call to a server; the body is parsed when there is one. */
export async function api<T = any>(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if (text !== '' && (res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** Polls until `check` returns a value; the test's timeout bounds the wait. */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the pipeline reports `status` (and returns its detail). */
export function untilStatus(server: { url: string }, id: string, status: string, extra: (p: any) => boolean = () => true): Promise<any> {
  return until(async () => {
    const { body } = await api(server, 'GET', `/api/pipelines/${id}`);
    return body.status === status && extra(body) ? body : undefined;
  }, `pipeline ${id} to be ${status}`);
}



export async function endOffsetTotal(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high), 0);
}



/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
