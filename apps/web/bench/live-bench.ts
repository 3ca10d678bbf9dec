import { expect, test } from '@playwright/test';
import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chainPipeline, smallPipeline } from './live-pipelines.js';

// `pnpm bench:live`: 20 pipelines on the real server and broker (each a process of its own), 10
// SSE clients on GET /api/live, background traffic; prints the server's CPU and memory, the delay
// from producing a record to the live snapshot that counts it, and browser frame times on a
// 200-node pipeline whose overlays update every second. Numbers only, no pass/fail thresholds.

const PIPELINES = 20;
const SSE_CLIENTS = 10;
const RECORDS_PER_SEC_PER_TOPIC = 50;
const WARM_UP_MS = 10_000;
const MEASURE_MS = 20_000;
const PROBES = 10;
const FRAMES_MS = 10_000;
const CLOCK_TICKS = 100; // USER_HZ on Linux

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(200);
  }
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function processUsage(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSeconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

interface Snapshot {
  pipelines: { id: string; metrics?: { nodes: Record<string, { recordsIn: number }> } }[];
}

/** One GET /api/live reader. `onSnapshot` only for the client that parses; the rest just read. */
function openLiveClient(url: string, onSnapshot?: (snapshot: Snapshot, receivedAt: number) => void) {
  const abort = new AbortController();
  const state = { events: 0, bytes: 0 };
  const done = (async () => {
    const response = await fetch(`${url}/api/live`, { signal: abort.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      state.bytes += value.length;
      if (!onSnapshot) {
        state.events += (decoder.decode(value, { stream: true }).match(/event: snapshot/g) ?? []).length;
        continue;
      }
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!frame.includes('event: snapshot')) continue;
        state.events++;
        const data = frame
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        onSnapshot(JSON.parse(data) as Snapshot, Date.now());
      }
    }
  })().catch(() => undefined);
  return { state, close: () => abort.abort(), done };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

test('live monitoring under load: server cost, overlay delay, frame times', async ({ page }) => {
  let broker: BrokerProcess | undefined;
  let server: ChildProcess | undefined;
  let producer: Producer | undefined;
  let load: ReturnType<typeof setInterval> | undefined;
  const clients: ReturnType<typeof openLiveClient>[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-live-bench-'));
  let serverLog = '';
  try {
    broker = await startBrokerProcess();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(root, 'packages/cli/dist/main.js'), 'server', '--port', String(port), '--bootstrap-server', broker.bootstrap, '--data-dir', dataDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr!.on('data', (chunk: Buffer) => (serverLog = (serverLog + chunk.toString()).slice(-20_000)));
    await until('the server', async () => (await fetch(`${url}/api/health`)).ok);

    const kafka = new Kafka({ clientId: 'sluice-live-bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const input = (i: number) => `bench-live-in-${i}`;
    const output = (i: number) => `bench-live-out-${i}`;
    await admin.createTopics({
      topics: Array.from({ length: PIPELINES }, (_, i) => [input(i), output(i)]).flat().map((topic) => ({ topic, numPartitions: 1 })),
      waitForLeaders: true,
    });
    await admin.disconnect();

    // Pipeline 0 has no background traffic: its counter moves only for the probes.
    const ids: string[] = [];
    for (let i = 0; i < PIPELINES; i++) {
      const doc = i === 1 ? chainPipeline('bench-live-chain', input(i), output(i), 200) : smallPipeline(`bench-live-${i}`, input(i), output(i));
      const response = await fetch(`${url}/api/pipelines`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(doc) });
      expect(response.status, await response.clone().text()).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    await until(
      'every pipeline running',
      async () => {
        const { pipelines } = (await (await fetch(`${url}/api/pipelines`)).json()) as { pipelines: { status: string }[] };
        return pipelines.filter((p) => p.status === 'running').length === PIPELINES;
      },
      120_000,
    );

    producer = kafka.producer();
    await producer.connect();
    let sequence = 0;
    const tickMs = 100;
    load = setInterval(() => {
      const per = (RECORDS_PER_SEC_PER_TOPIC * tickMs) / 1000;
      const topicMessages = Array.from({ length: PIPELINES - 1 }, (_, k) => ({
        topic: input(k + 1),
        messages: Array.from({ length: per }, () => ({ value: JSON.stringify({ n: sequence++, at: Date.now() }) })),
      }));
      void producer!.sendBatch({ topicMessages }).catch(() => undefined);
    }, tickMs);

    // Ten live clients; the first one parses snapshots for the delay probes.
    let probeCount = -1;
    let probeWaiter: ((at: number) => void) | null = null;
    let probeTarget = Infinity;
    clients.push(
      openLiveClient(url, (snapshot, receivedAt) => {
        const count = snapshot.pipelines.find((p) => p.id === ids[0])?.metrics?.nodes.in?.recordsIn;
        if (count === undefined) return;
        probeCount = count;
        if (probeWaiter && count >= probeTarget) {
          probeWaiter(receivedAt);
          probeWaiter = null;
        }
      }),
    );
    for (let i = 1; i < SSE_CLIENTS; i++) clients.push(openLiveClient(url));

    await sleep(WARM_UP_MS);
    const before = processUsage(server.pid!);
    const rss: number[] = [];
    const started = Date.now();
    while (Date.now() - started < MEASURE_MS) {
      await sleep(1000);
      rss.push(processUsage(server.pid!).rssMb);
    }
    const after = processUsage(server.pid!);
    const cpuPercent = ((after.cpuSeconds - before.cpuSeconds) / ((Date.now() - started) / 1000)) * 100;

    // Produce → counted in a live snapshot.
    const delays: number[] = [];
    await until('the probe pipeline in the snapshots', async () => probeCount >= 0);
    for (let i = 0; i < PROBES; i++) {
      probeTarget = probeCount + 1;
      const counted = new Promise<number>((resolve) => (probeWaiter = resolve));
      const sentAt = Date.now();
      await producer.send({ topic: input(0), messages: [{ value: JSON.stringify({ n: i, at: sentAt }) }] });
      const at = await Promise.race([counted, sleep(15_000).then(() => NaN)]);
      delays.push(at - sentAt);
      await sleep(300 + Math.random() * 700); // land at different points of the one-second tick
    }

    // The browser on the 200-node pipeline, with its overlays updating.
    await page.goto(`${url}/pipelines/${ids[1]}`);
    await expect(page.locator('.react-flow__node')).toHaveCount(200, { timeout: 60_000 });
    await expect(page.locator('.edge-rate').first()).toBeVisible({ timeout: 30_000 });
    await sleep(3000);
    const frames = await page.evaluate(
      (duration) =>
        new Promise<{ gaps: number[]; labelChanges: number }>((resolve) => {
          const gaps: number[] = [];
          let labelChanges = 0;
          const observer = new MutationObserver((records) => (labelChanges += records.length));
          for (const el of document.querySelectorAll('.edge-rate, .node-live')) observer.observe(el, { characterData: true, childList: true, subtree: true });
          let last = performance.now();
          const end = last + duration;
          const tick = (now: number) => {
            gaps.push(now - last);
            last = now;
            if (now < end) requestAnimationFrame(tick);
            else {
              observer.disconnect();
              resolve({ gaps: gaps.slice(1), labelChanges });
            }
          };
          requestAnimationFrame(tick);
        }),
      FRAMES_MS,
    );
    const liveCounts = clients.map((c) => c.state.events);

    const d = stats(delays.filter(Number.isFinite));
    const f = stats(frames.gaps);
    const lines = [
      `live benchmark: ${PIPELINES} pipelines (one of 200 nodes), ${SSE_CLIENTS} SSE clients, ${RECORDS_PER_SEC_PER_TOPIC * (PIPELINES - 1)} records/s in`,
      `server process over ${MEASURE_MS / 1000} s: CPU ${cpuPercent.toFixed(0)}% of one core, RSS median ${stats(rss).median.toFixed(0)} MB (max ${stats(rss).max.toFixed(0)} MB)`,
      `snapshots per SSE client: ${Math.min(...liveCounts)}–${Math.max(...liveCounts)}`,
      `record produced → counted in a live snapshot (${d.n} of ${PROBES}): median ${ms(d.median)}, p95 ${ms(d.p95)}, max ${ms(d.max)}`,
      `browser, 200-node pipeline with live overlays, ${FRAMES_MS / 1000} s: median frame ${ms(f.median)}, p95 ${ms(f.p95)} (${f.n} frames, ${frames.labelChanges} overlay DOM updates)`,
    ];
    console.log(`\n${lines.join('\n')}\n`);
    expect(delays.filter(Number.isFinite).length).toBeGreaterThan(0);
  } catch (err) {
    console.error(serverLog);
    throw err;
  } finally {
    clearInterval(load);
    for (const client of clients) client.close();
    await producer?.disconnect().catch(() => undefined);
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    if (broker) {
      await broker.stop();
      broker.cleanup();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
