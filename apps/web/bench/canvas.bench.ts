import { expect, test } from '@playwright/test';
import { serverUrl } from '../e2e/support/fixtures.js';
import { largePipeline } from './large-pipeline.js';

const NODES = 500;
const EDGES = 600;
const MEASURE_MS = 3000;

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { frames: sorted.length, median: at(0.5), p95: at(0.95) };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

test(`canvas with ${NODES} nodes and ${EDGES} edges: first render and frame times`, async ({ page, request }) => {
  test.slow();
  const created = await request.post(`${serverUrl()}/api/pipelines?deploy=false`, { data: largePipeline(`bench-${Date.now().toString(36)}`, NODES, EDGES) });
  expect(created.ok(), await created.text()).toBe(true);
  const { id, issues } = (await created.json()) as { id: string; issues?: unknown[] };
  expect(issues ?? []).toEqual([]);

  // First render: from navigation start until every node is on the canvas.
  await page.goto(`${serverUrl()}/pipelines/${id}`);
  const firstRender = await page.evaluate(
    (count) =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (document.querySelectorAll('.react-flow__node').length >= count) resolve(performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }),
    NODES,
  );

  // Records the time between animation frames while the canvas is being worked.
  const startFrames = () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__frames = [];
      w.__recording = true;
      let last = performance.now();
      const tick = (now: number) => {
        w.__frames.push(now - last);
        last = now;
        if (w.__recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  const stopFrames = () =>
    page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __recording: boolean };
      w.__recording = false;
      return w.__frames.slice(1);
    });

  const pane = page.locator('.react-flow__pane');
  const box = (await pane.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

  /** Moves the mouse back and forth for `duration` ms with the button held, as a person drags. */
  const wiggle = async (from: { x: number; y: number }, duration = MEASURE_MS) => {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const started = Date.now();
    let step = 0;
    while (Date.now() - started < duration) {
      const angle = step / 10;
      await page.mouse.move(from.x + Math.sin(angle) * 200, from.y + Math.cos(angle) * 120, { steps: 2 });
      step++;
    }
    await page.mouse.up();
  };

  // Panning: drag on an empty spot of the pane, after a short warm-up that is not measured.
  const panFrom = { x: box.x + 12, y: box.y + box.height - 12 };
  await wiggle(panFrom, 1000);
  await page.getByRole('button', { name: 'Minimap' }).click(); // the minimap re-renders on every pan; measure the canvas alone first
  await startFrames();
  await wiggle(panFrom);
  const panning = stats(await stopFrames());
  await page.getByRole('button', { name: 'Minimap' }).click();
  await startFrames();
  await wiggle(panFrom);
  const panningWithMinimap = stats(await stopFrames());

  // Dragging a node, with the whole pipeline in view (every node and edge drawn).
  await page.keyboard.press('f');
  const node = page.locator('.react-flow__node[data-id="n260"]');
  await node.click();
  const nodeBox = (await node.boundingBox()) ?? { x: centre.x, y: centre.y, width: 0, height: 0 };
  await startFrames();
  await wiggle({ x: nodeBox.x + nodeBox.width / 2, y: nodeBox.y + nodeBox.height / 2 });
  const dragging = stats(await stopFrames());

  // Frame times are the gaps between animation frames, so they come in steps of the display's
  // refresh interval (16.7 ms at 60 Hz): a median of one interval means no frame was missed.
  const lines = [
    `Sluice canvas benchmark (${NODES} nodes, ${EDGES} edges, headless Chromium ${page.context().browser()?.version() ?? ''})`,
    `  time to first render (navigation → all nodes drawn): ${ms(firstRender)}`,
    `  panning, ${MEASURE_MS / 1000} s:                 median frame ${ms(panning.median)}, p95 ${ms(panning.p95)} (${panning.frames} frames)`,
    `  panning with minimap, ${MEASURE_MS / 1000} s:    median frame ${ms(panningWithMinimap.median)}, p95 ${ms(panningWithMinimap.p95)} (${panningWithMinimap.frames} frames)`,
    `  dragging a node, ${MEASURE_MS / 1000} s:         median frame ${ms(dragging.median)}, p95 ${ms(dragging.p95)} (${dragging.frames} frames)`,
  ];
  console.log(lines.join('\n'));
  await request.delete(`${serverUrl()}/api/pipelines/${id}`);
});
