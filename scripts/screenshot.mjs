#!/usr/bin/env node
// `pnpm screenshot`: takes docs/live-canvas.png from the running app. Starts `sluice start` on
// free ports with a fresh data directory (so the weather demo is set up), waits until records
// flow, opens the app in Debian's Chromium with Playwright, taps the filter node so its records
// show, and writes the picture. Stops everything it started, also on failure.
//
//   node scripts/screenshot.mjs [--theme light|dark] [--out docs/live-canvas.png]

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { theme: { type: 'string', default: 'light' }, out: { type: 'string', default: 'docs/live-canvas.png' } } });
if (args.theme !== 'light' && args.theme !== 'dark') fail(`--theme must be light or dark, not "${args.theme}"`);
const out = resolve(root, args.out);
const MAX_BYTES = 300 * 1024;

// Playwright lives with the web app's dev dependencies.
const { chromium } = createRequire(join(root, 'apps/web/package.json'))('@playwright/test');

function fail(message) {
  console.error(`screenshot: ${message}`);
  process.exit(1);
}

function freePort() {
  return new Promise((ok, ko) => {
    const server = createServer();
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(250);
  }
}

const uiPort = await freePort();
const brokerPort = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-screenshot-'));
const url = `http://127.0.0.1:${uiPort}`;
const cli = join(root, 'packages/cli/dist/main.js');
const sluice = spawn(process.execPath, [cli, 'start', '--port', String(uiPort), '--broker-port', String(brokerPort), '--data-dir', dataDir], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
sluice.stdout.on('data', (b) => (log += b));
sluice.stderr.on('data', (b) => (log += b));
const exited = new Promise((r) => sluice.once('exit', r));
let browser;

try {
  const started = Date.now();
  const pipelineId = await until('the weather demo to process records', async () => {
    const { pipelines } = await (await fetch(`${url}/api/pipelines`)).json();
    const demo = pipelines.find((p) => p.name === 'extreme-weather' && p.status === 'running');
    if (!demo) return null;
    const metrics = await (await fetch(`${url}/api/pipelines/${demo.id}/metrics`)).json();
    const rates = Object.values(metrics.edges).map((e) => e.recordsPerSec);
    return rates.length > 0 && rates.every((r) => r > 0) ? demo.id : null;
  });
  console.log(`records flowing ${((Date.now() - started) / 1000).toFixed(1)} s after start`);

  browser = await chromium.launch({
    executablePath: process.env.SLUICE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1680, height: 860 }, colorScheme: args.theme });
  await page.addInitScript((theme) => localStorage.setItem('sluice.theme', theme), args.theme);
  // The landing page opens the demo by itself on a first visit, as it does for a new user.
  await page.goto(url);
  await page.waitForURL(`**/pipelines/${pipelineId}`);
  await page.locator('.edge-rate').first().waitFor();
  await page.getByRole('button', { name: 'Show records entering extreme' }).click();
  await page.locator('.tap-record').first().waitFor({ timeout: 30_000 });
  // Make room for the records panel: zoom out two steps and move the graph to the canvas' left edge.
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await sleep(400);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const source = await page.locator('.react-flow__node[data-id="raw"]').boundingBox();
  if (pane && source) {
    const from = { x: pane.x + pane.width / 2, y: pane.y + pane.height - 100 };
    const dx = pane.x + 32 - source.x;
    const dy = pane.y + pane.height * 0.3 - source.y;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
    await page.mouse.up();
  }
  // A few seconds of history so the source's catch-up estimate and the latency settle.
  await sleep(4000);
  await page.screenshot({ path: out });
  const size = statSync(out).size;
  console.log(`wrote ${out} (${Math.round(size / 1024)} KB, ${args.theme} theme)`);
  if (size > MAX_BYTES) throw new Error(`${args.out} is ${Math.round(size / 1024)} KB, over the 300 KB the README can carry`);
} catch (err) {
  console.error(log);
  console.error(`screenshot: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  sluice.kill('SIGINT');
  const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
  if (!stopped) sluice.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
