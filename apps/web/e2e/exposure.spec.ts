import { createServer, silentLogger, type SluiceServer } from '@sluice/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { bootstrap, expect, serverUrl, test as base } from './support/fixtures.js';
import { webDist } from './support/stack.js';

// The app under its security headers, on a loopback server (no token) and on one that needs its
// API token (asked once, kept for the browser session), with live rates (React Flow) and charts
// (uPlot) working and nothing blocked by the content security policy.

const TOKEN = 'e2e-s3cret-token';

const test = base.extend<object, { guardedServer: SluiceServer }>({
  guardedServer: [
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sluice-web-exposure-'));
      const server = await createServer({ port: 0, bootstrapServers: bootstrap(), dataDir, demo: true, apiToken: TOKEN, webDir: webDist, logger: silentLogger });
      try {
        await use(server);
      } finally {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
});

/** Records every content-security-policy violation the page reports. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('without a token the app opens at once, under a policy that allows only itself', async ({ page }) => {
  const violations = await watchPolicy(page);
  const response = await page.goto(serverUrl());
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('button', { name: 'New pipeline' }).first()).toBeVisible();
  await expect(page.getByLabel('API token')).toHaveCount(0);
  expect(await violations()).toEqual([]);
});

test('with a token the app asks for it once, then the canvas and the dashboard work', async ({ page, guardedServer }) => {
  const violations = await watchPolicy(page);
  await page.goto(guardedServer.url);
  const token = page.getByLabel('API token');
  await expect(token).toBeVisible();
  await token.fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not the API token of this server');

  await token.fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // A first visit goes to the running demo; its live rates come over server-sent events, which
  // carry the sign-in as a cookie.
  await expect(page).toHaveURL(/\/pipelines\/extreme-weather/);
  await expect(page.locator('.live-chip')).toHaveText('Live');
  await expect(page.locator('[data-edge-rate="raw-extreme"]')).not.toHaveText('0/s', { timeout: 20_000 });

  // The sign-in lasts for the session: a reload does not ask again.
  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="raw"]')).toBeVisible();
  await expect(page.getByLabel('API token')).toHaveCount(0);

  await page.getByRole('link', { name: 'Dashboard' }).click();
  const throughput = page.getByRole('figure', { name: 'Throughput (records/s)' });
  await expect(throughput.locator('canvas')).toHaveCount(1);
  await expect.poll(async () => Number(await throughput.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  // The cookie is out of reach of scripts.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await violations()).toEqual([]);
});

test('a page of another origin cannot change anything, even in the signed-in browser', async ({ page, guardedServer }) => {
  await page.goto(guardedServer.url);
  await page.getByLabel('API token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/pipelines\/extreme-weather/);
  const pipelineId = decodeURIComponent(/\/pipelines\/([^/?#]+)/.exec(page.url())![1]!);
  // Another app on this machine (another port: a different origin, but the same site, so the
  // SameSite cookie goes along) sends a simple cross-origin POST.
  const other = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'));
  await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
  await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
  // The classic forgery: a form that posts text/plain to the pipeline's stop, as a navigation.
  await page.evaluate(([target, id]) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.enctype = 'text/plain';
    form.action = `${target}/api/pipelines/${id}/stop`;
    document.body.append(form);
    form.submit();
  }, [guardedServer.url, pipelineId] as const);
  await expect(page.locator('body')).toContainText("must come from this server's own page, not from http://127.0.0.1:");
  other.close();
  const detail = await fetch(`${guardedServer.url}/api/pipelines/${encodeURIComponent(pipelineId)}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(((await detail.json()) as { desiredState: string }).desiredState).toBe('running');
});
