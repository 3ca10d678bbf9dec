import { createServer, silentLogger, type SluiceServer } from '@sluice/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrap, expect, test as base } from './support/fixtures.js';
import { produceText } from './support/kafka.js';
import { webDist } from './support/stack.js';

// A second server on the shared broker, started as `sluice start` does on an empty data dir: the
// weather demo set up and running. These tests watch it live, so they run in order on one server.
const test = base.extend<object, { demoServer: SluiceServer }>({
  demoServer: [
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sluice-web-live-'));
      const server = await createServer({ port: 0, bootstrapServers: bootstrap(), dataDir, demo: true, webDir: webDist, logger: process.env.SLUICE_E2E_LOG ? undefined : silentLogger });
      try {
        await use(server);
      } finally {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ demoServer }, use) => use(demoServer.url),
});

test.describe.configure({ mode: 'serial' });

const RAW = 'raw_weather_topic';

test('a first visit opens the running demo, whose edge labels show rates that move', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/pipelines\/extreme-weather/);
  const label = page.locator('[data-edge-rate="raw-extreme"]');
  await expect(label).toHaveText(/^[0-9.]+k?\/s$/);
  await expect(page.locator('.live-chip')).toHaveText('Live');
  // The generator's readings flow: a rate above zero.
  await expect(label).not.toHaveText('0/s', { timeout: 15_000 });
  const before = await label.textContent();
  // A burst on the source topic changes the rate the label shows.
  await produceText(RAW, Array.from({ length: 3000 }, (_, i) => ({ key: `burst-${i % 5}`, value: JSON.stringify({ station: 'burst', temperature: 10, humidity: 50, windSpeed: 1, timestamp: Date.now() }) })));
  await expect(label).not.toHaveText(before ?? '', { timeout: 15_000 });
  // Thicker than an idle edge while records flow.
  const width = await page.locator('.react-flow__edge[data-id="raw-extreme"] .react-flow__edge-path').evaluate((el) => parseFloat(getComputedStyle(el).strokeWidth));
  expect(width).toBeGreaterThan(1.5);
  // Source numbers: lag with a catch-up estimate; sink numbers: latency.
  await expect(page.locator('.react-flow__node[data-id="raw"] [data-stat="lag"]')).toContainText(/lag \S+ · (caught up|catch-up|not catching up|falling behind)/);
  await expect(page.locator('.react-flow__node[data-id="processed"] [data-stat="latency"]')).toContainText(/p50 .+ · p99 .+/);

  // Back on the list the demo has a throughput sparkline, and the redirect does not repeat.
  await page.getByRole('button', { name: /Pipelines/ }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('sparkline')).toBeVisible();
  await expect(page.getByTestId('sparkline')).not.toContainText(/^0\/s$/);
});

test('tapping a node shows the records entering it, pauses, and infers their shape', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/pipelines\//);
  await page.getByRole('button', { name: 'Show records entering extreme' }).click();
  const panel = page.getByTestId('record-tap');
  await expect(panel).toContainText('Records into');
  await expect(panel.locator('.tap-record').first()).toContainText('"station"', { timeout: 15_000 });

  await panel.getByRole('button', { name: 'Pause' }).click();
  const first = await panel.locator('.tap-record').first().textContent();
  await expect(panel.getByRole('button', { name: /Resume \(\d+ new\)/ })).toBeVisible({ timeout: 10_000 });
  await expect(panel.locator('.tap-record').first()).toHaveText(first ?? '');
  await panel.getByRole('button', { name: /Resume/ }).click();
  await expect(panel.locator('.tap-record').first()).not.toHaveText(first ?? '');

  await panel.getByRole('tab', { name: 'Value shape' }).click();
  await expect(panel.locator('.tap-shape tr', { hasText: 'temperature' })).toContainText('number');
  await expect(panel.locator('.tap-shape tr', { hasText: 'station' })).toContainText('string');

  // An edge label taps the edge.
  await page.locator('[data-edge-rate="raw-extreme"]').click();
  await expect(panel).toContainText('Records on edge');
  await expect(panel.locator('.tap-record').first()).toContainText('"station"', { timeout: 15_000 });
});

test('a record the pipeline cannot read becomes a dead letter the node links to', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/pipelines\//);
  await produceText(RAW, [{ key: 'broken', value: 'this is not json' }]);
  const link = page.getByRole('button', { name: /Show dead letters of/ });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await link.click();
  const panel = page.getByTestId('record-tap');
  await expect(panel).toContainText('Dead letters');
  await expect(panel.locator('.tap-record', { hasText: 'this is not json' })).toBeVisible({ timeout: 15_000 });
});

test('the dashboard charts the last minutes of the pipeline', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/pipelines\//);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard\/extreme-weather/);
  const charts = page.locator('figure.dash-chart');
  await expect(charts).toHaveCount(4);
  for (const title of ['Throughput (records/s)', 'Errors (records/s)', 'Consumer lag per source topic (records)', 'End-to-end latency']) {
    const chart = page.getByRole('figure', { name: title });
    await expect(chart.locator('canvas')).toHaveCount(1);
  }
  const throughput = page.getByRole('figure', { name: 'Throughput (records/s)' });
  await expect.poll(async () => Number(await throughput.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await expect(throughput).toHaveAttribute('data-has-values', 'true');
  await expect(page.getByRole('figure', { name: 'End-to-end latency' })).toHaveAttribute('data-has-values', 'true');
  // The canvas has something drawn on it.
  const drawn = await throughput.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
  expect(drawn).toBeGreaterThan(500);
});
