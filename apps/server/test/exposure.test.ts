import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, silentLogger, type Logger, type SluiceServer } from '../src/index.js';
import { api, startServer, tempDir } from './helpers.js';
import { SseTestClient } from './sse-test-client.js';

// What a page of another site, a DNS-rebinding page, and a caller without the token can do: nothing.

const TOKEN = 's3cret-token';
let broker: BrokerProcess;
let open: SluiceServer;
let guarded: SluiceServer;
const warnings: string[] = [];
const data = tempDir('sluice-exposure-');
const capture: Logger = { info() {}, error() {}, warn: (m) => warnings.push(m) };

beforeAll(async () => {
  broker = await startBrokerProcess();
  const noWebApp = join(data.path, 'no-web-app');
  open = await startServer(broker.bootstrap, join(data.path, 'open'), { logger: capture, allowedHosts: ['sluice.test'], webDir: noWebApp });
  guarded = await startServer(broker.bootstrap, join(data.path, 'guarded'), { apiToken: TOKEN, webDir: noWebApp });
  expect((await api(open, 'POST', '/api/topics', { name: 'exposure-in', partitions: 1 })).status).toBe(201);
  expect((await api(open, 'POST', '/api/topics/exposure-in/messages', { key: 'k', value: { secret: 42 } })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  await open?.close();
  await guarded?.close();
  await broker?.stop();
  broker?.cleanup();
  data.remove();
});

function draft(name: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: 'exposure-in' } },
      { id: 'out', type: 'sink', position: { x: 200, y: 0 }, config: { topic: 'exposure-out' } },
    ],
    edges: [{ id: 'e1', source: 'in', target: 'out' }],
  };
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with headers fetch would not let a test set (Host), as a browser or a rebinding page sends them. */
function raw(server: SluiceServer, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const ownOrigin = (server: SluiceServer) => ({ origin: server.url });

describe('mutating requests from another origin', { timeout: 30_000 }, () => {
  it('refuses a simple text/plain cross-origin POST before it does anything', async () => {
    const created = await api(open, 'POST', '/api/pipelines?deploy=false', draft('victim'));
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const start = await raw(open, 'POST', `/api/pipelines/${id}/start`, { origin: 'http://evil.example', 'content-type': 'text/plain' }, 'x');
    expect(start.status).toBe(403);
    expect(JSON.parse(start.body).error).toBe("requests that change something must come from this server's own page, not from http://evil.example");
    expect((await api(open, 'GET', `/api/pipelines/${id}`)).body.desiredState).toBe('stopped');

    const topic = await raw(open, 'POST', '/api/topics', { origin: 'http://evil.example', 'content-type': 'text/plain' }, '{"name":"evil-topic"}');
    expect(topic.status).toBe(403);
    expect((await api(open, 'GET', '/api/topics/evil-topic')).status).toBe(404);

    // Without Origin a browser still says where the request comes from in Sec-Fetch-Site.
    expect((await api(open, 'DELETE', `/api/pipelines/${id}`, undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api(open, 'PUT', `/api/pipelines/${id}`, draft('victim'), { origin: 'null' })).status).toBe(403);
    // A page on another port of the same machine is another origin too.
    const sibling = `http://127.0.0.1:${open.port + 1}`;
    expect((await api(open, 'DELETE', `/api/pipelines/${id}`, undefined, { origin: sibling, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await api(open, 'GET', `/api/pipelines/${id}`)).status).toBe(200);
  });

  it("accepts the app's own page and clients that are not browsers", async () => {
    expect((await api(open, 'POST', '/api/pipelines?deploy=false', draft('own-page'), ownOrigin(open))).status).toBe(201);
    expect((await api(open, 'POST', '/api/pipelines?deploy=false', draft('fetch-metadata'), { 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await api(open, 'POST', '/api/pipelines?deploy=false', draft('curl'))).status).toBe(201);
    const local = await raw(open, 'DELETE', '/api/topics/no-such-topic', { host: `localhost:${open.port}`, origin: `http://localhost:${open.port}` });
    expect(local.status).toBe(404);
  });

  it('logs a refusal once per client, with the origin', async () => {
    const before = warnings.length;
    for (let i = 0; i < 3; i++) await raw(open, 'POST', '/api/topics', { origin: 'http://once.example', 'content-type': 'text/plain' }, '{}');
    const lines = warnings.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^refused POST \/api\/topics from (::ffff:)?127\.0\.0\.1: .*not from http:\/\/once\.example/);
  });
});

describe('requests under a name that is not the server’s (DNS rebinding)', { timeout: 30_000 }, () => {
  it('refuses REST reads, the web app and metrics under a foreign Host', async () => {
    const host = `evil.example:${open.port}`;
    const peek = await raw(open, 'GET', '/api/topics/exposure-in/messages', { host });
    expect(peek.status).toBe(403);
    expect(JSON.parse(peek.body).error).toMatch(/^Host "evil\.example:\d+" is not a name of this server .*--allowed-hosts$/);
    expect(peek.body).not.toContain('secret');
    expect((await raw(open, 'GET', '/', { host })).status).toBe(403);
    expect((await raw(open, 'GET', '/metrics', { host })).status).toBe(403);
    expect(warnings.some((w) => w.includes('Host "evil.example:'))).toBe(true);
  });

  it('refuses server-sent events under a foreign Host', async () => {
    const live = await SseTestClient.open(`${open.url}/api/live`, { host: `evil.example:${open.port}` });
    expect(live.response.statusCode).toBe(403);
    live.close();
    const created = await api(open, 'POST', '/api/pipelines?deploy=false', draft('tapped'));
    const tap = await SseTestClient.open(`${open.url}/api/pipelines/${created.body.id}/taps?node=out`, { host: `rebind.example:${open.port}` });
    expect(tap.response.statusCode).toBe(403);
    tap.close();
  });

  it('serves loopback names, IP addresses and the names added with allowedHosts', async () => {
    for (const host of [`localhost:${open.port}`, `127.0.0.1:${open.port}`, `sluice.test:${open.port}`, `SLUICE.TEST.:${open.port}`]) {
      expect((await raw(open, 'GET', '/api/topics/exposure-in/messages', { host })).status, host).toBe(200);
    }
    const live = await SseTestClient.open(`${open.url}/api/live`, { host: `sluice.test:${open.port}` });
    expect(live.response.statusCode).toBe(200);
    live.close();
  });

  it('refuses an allowed host that is not a name when it starts', async () => {
    await expect(
      createServer({ port: 0, bootstrapServers: broker.bootstrap, dataDir: data.path, logger: silentLogger, allowedHosts: ['http://x.example/'] }),
    ).rejects.toThrow(/allowed host "http:\/\/x\.example\/" is not a host name/);
  });
});

describe('security headers', () => {
  it('lets the page load only from itself, forbids framing and sends no referrer', async () => {
    const page = await api(open, 'GET', '/');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // The page shown while the web app is not built allows its one style element by hash.
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect((await api(open, 'GET', '/api/health')).headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('a server that requires its API token', { timeout: 30_000 }, () => {
  const bearer = { authorization: `Bearer ${TOKEN}` };

  it('refuses to expose the server beyond loopback without a token', async () => {
    await expect(
      createServer({ port: 0, host: '0.0.0.0', bootstrapServers: broker.bootstrap, dataDir: data.path, logger: silentLogger }),
    ).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without an API token.*SLUICE_API_TOKEN/);
  });

  it('needs the token to read records, pipelines and live data; health and metrics stay open', async () => {
    for (const path of ['/api/topics/exposure-in/messages', '/api/topics', '/api/pipelines', '/api/groups']) {
      const none = await api(guarded, 'GET', path);
      expect(none.status, path).toBe(401);
      expect(none.body.error).toMatch(/Authorization: Bearer <SLUICE_API_TOKEN>/);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const peek = await api(guarded, 'GET', '/api/topics/exposure-in/messages', undefined, bearer);
    expect(peek.status).toBe(200);
    expect(peek.body.messages[0].value.value).toEqual({ secret: 42 });
    expect((await api(guarded, 'GET', '/api/pipelines', undefined, { authorization: 'Bearer nope' })).status).toBe(401);

    const live = await SseTestClient.open(`${guarded.url}/api/live`);
    expect(live.response.statusCode).toBe(401);
    live.close();
    const tap = await SseTestClient.open(`${guarded.url}/api/pipelines/any/taps?node=x`);
    expect(tap.response.statusCode).toBe(401);
    tap.close();

    expect((await api(guarded, 'GET', '/api/health')).status).toBe(200);
    expect((await api(guarded, 'GET', '/metrics')).status).toBe(200);
  });

  it('needs it for changes, before reading the body, and takes it from any origin', async () => {
    expect((await api(guarded, 'POST', '/api/pipelines', { big: 'x'.repeat(2 * 1024 * 1024) })).status).toBe(401);
    expect((await api(guarded, 'POST', '/api/topics', { name: 'guarded-topic' }, ownOrigin(guarded))).status).toBe(401);
    // A page cannot send Authorization across origins without a preflight, which this server never grants.
    const ok = await api(guarded, 'POST', '/api/pipelines?deploy=false', draft('with-token'), { ...bearer, origin: 'http://tool.example' });
    expect(ok.status).toBe(201);
  });

  it('signs the web app in with a session cookie that works for REST and server-sent events', async () => {
    expect((await api(guarded, 'GET', '/api/session')).body).toEqual({ tokenRequired: true, signedIn: false });
    const wrong = await api(guarded, 'POST', '/api/session', { token: 'nope' }, ownOrigin(guarded));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await api(guarded, 'POST', '/api/session', { token: TOKEN }, { origin: 'http://evil.example' })).status).toBe(403);

    const signIn = await api(guarded, 'POST', '/api/session', { token: TOKEN }, ownOrigin(guarded));
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^sluice-session-${guarded.port}=`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain(TOKEN);
    const cookie = { cookie: setCookie.split(';')[0]! };

    expect((await api(guarded, 'GET', '/api/session', undefined, cookie)).body).toEqual({ tokenRequired: true, signedIn: true });
    expect((await api(guarded, 'GET', '/api/topics/exposure-in/messages', undefined, cookie)).status).toBe(200);
    const live = await SseTestClient.open(`${guarded.url}/api/live`, cookie);
    expect(live.response.statusCode).toBe(200);
    live.close();

    // The cookie alone does not let another origin change anything.
    expect((await api(guarded, 'POST', '/api/pipelines?deploy=false', draft('cookie-evil'), { ...cookie, origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(guarded, 'POST', '/api/pipelines?deploy=false', draft('cookie-own'), { ...cookie, ...ownOrigin(guarded) })).status).toBe(201);
    // A cookie made for another token, or for another port, is not a sign-in.
    expect((await api(guarded, 'GET', '/api/pipelines', undefined, { cookie: `sluice-session-${guarded.port}=forged` })).status).toBe(401);
    expect((await api(guarded, 'GET', '/api/pipelines', undefined, { cookie: cookie.cookie.replace(String(guarded.port), '1') })).status).toBe(401);

    const signOut = await api(guarded, 'DELETE', '/api/session', undefined, { ...cookie, ...ownOrigin(guarded) });
    expect(signOut.headers.get('set-cookie')).toMatch(/Max-Age=0/);
  });
});
