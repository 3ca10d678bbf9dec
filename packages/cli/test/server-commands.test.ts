import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import { createServer, silentLogger, type SluiceServer } from '@sluice/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, killStragglers, runSluice, spawnSluice } from './sluice-process.js';

// `sluice deploy`, `sluice pipelines …`, `sluice server` and `sluice start`, as built, against a
// real broker process and a real server.

let broker: BrokerProcess;
let server: SluiceServer;
const dir = mkdtempSync(join(tmpdir(), 'sluice-cli-server-'));

beforeAll(async () => {
  broker = await startBrokerProcess();
  server = await createServer({ port: 0, bootstrapServers: broker.bootstrap, dataDir: join(dir, 'server'), logger: silentLogger });
  const res = await fetch(`${server.url}/api/topics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'cli-readings', partitions: 2 }),
  });
  expect(res.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await killStragglers();
  await server?.close();
  await broker?.stop();
  broker?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function pipelineFile(name: string, expression: string): string {
  const path = join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`);
  const document = {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: 'cli-readings' } },
      { id: 'hot', type: 'filter', position: { x: 250, y: 0 }, config: { expression } },
      { id: 'out', type: 'sink', position: { x: 500, y: 0 }, config: { topic: 'cli-hot' } },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'hot' },
      { id: 'e2', source: 'hot', target: 'out' },
    ],
  };
  writeFileSync(path, JSON.stringify(document, null, 2));
  return path;
}

const sluice = (...args: string[]) => runSluice([...args, '--server', server.url]);

describe('sluice deploy and sluice pipelines', { timeout: 60_000 }, () => {
  it('deploys a file, lists it, and redeploys it by name', async () => {
    const deployed = await sluice('deploy', pipelineFile('cli-heat', 'value.temperature > 40.0'));
    expect(deployed.stderr).toBe('');
    expect(deployed.code).toBe(0);
    const id = /^deployed "cli-heat" as (cli-heat-[0-9a-z]{6}) \((deploying|running)\)\n$/.exec(deployed.stdout)?.[1];
    expect(id, deployed.stdout).toBeDefined();

    const listed = await sluice('pipelines', 'list');
    expect(listed.code).toBe(0);
    const [header, ...rows] = listed.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+NAME\s+STATUS/);
    expect(rows.some((r) => r.startsWith(id!) && /\bcli-heat\b/.test(r) && /\b(deploying|running)\b/.test(r))).toBe(true);

    const again = await sluice('deploy', pipelineFile('cli-heat', 'value.temperature > 35.0'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`^updated "cli-heat" \\(${id}\\): redeployed, (deploying|running)\\n$`));
    const shown = await sluice('pipelines', 'get', id!);
    expect(JSON.parse(shown.stdout).definition.nodes[1].config.expression).toBe('value.temperature > 35.0');
  });

  it('deploys a file over an existing stopped pipeline, and runs it', async () => {
    const saved = await fetch(`${server.url}/api/pipelines?deploy=false`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: readFileSync(pipelineFile('cli-idle', 'value.temperature > 40.0'), 'utf8'),
    });
    const { id, status } = (await saved.json()) as { id: string; status: string };
    expect(status).toBe('stopped');

    const deployed = await sluice('deploy', pipelineFile('cli-idle', 'value.temperature > 30.0'));
    expect(deployed.stderr).toBe('');
    expect(deployed.code).toBe(0);
    expect(deployed.stdout).toMatch(new RegExp(`^updated "cli-idle" \\(${id}\\): started, (deploying|running)\\n$`));
    const shown = JSON.parse((await sluice('pipelines', 'get', id)).stdout);
    expect(shown).toMatchObject({ desiredState: 'running', pendingChanges: false });
    expect(shown.status).toMatch(/deploying|running/);
    expect(shown.definition.nodes[1].config.expression).toBe('value.temperature > 30.0');
    expect((await sluice('pipelines', 'delete', id)).code).toBe(0);
  });

  it('prints validation problems one per line as path: message, and exits 1', async () => {
    const result = await sluice('deploy', pipelineFile('cli-broken', 'value.temperature >'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const [first, ...issues] = result.stderr.trimEnd().split('\n');
    expect(first).toMatch(/^Error: pipeline "cli-broken" in .* is not valid:$/);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^nodes\[1\]\.config\.expression: /);
  });

  it('stops, starts and deletes a pipeline by id or name', async () => {
    const deployed = await sluice('deploy', pipelineFile('cli-cycle', 'value.temperature < -20.0'));
    expect(deployed.code).toBe(0);
    const stopped = await sluice('pipelines', 'stop', 'cli-cycle');
    expect(stopped.stdout).toMatch(/^pipeline cli-cycle-[0-9a-z]{6} \("cli-cycle"\) is stopped\n$/);
    const started = await sluice('pipelines', 'start', 'cli-cycle');
    expect(started.stdout).toMatch(/is (deploying|running)\n$/);
    const deleted = await sluice('pipelines', 'delete', 'cli-cycle');
    expect(deleted).toMatchObject({ code: 0, stdout: expect.stringMatching(/^pipeline cli-cycle-[0-9a-z]{6} \("cli-cycle"\) deleted\n$/) });
    const missing = await sluice('pipelines', 'stop', 'cli-cycle');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`Error: no pipeline with id or name "cli-cycle"; 'sluice pipelines list' shows them\n`);
  });

  it('finds the server through SLUICE_SERVER, and says so when none answers', async () => {
    const viaEnv = await runSluice(['pipelines', 'list'], { env: { SLUICE_SERVER: server.url } });
    expect(viaEnv.code).toBe(0);
    const port = await closedPort();
    const nobody = await runSluice(['pipelines', 'list', '--server', `http://127.0.0.1:${port}`]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(new RegExp(`^Error: cannot reach the Sluice server at http://127\\.0\\.0\\.1:${port} \\(connection refused\\)`));
    const usage = await sluice('pipelines', 'stop');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/'stop' takes one pipeline ID/);
  });
});

describe('sluice server and sluice start', { timeout: 90_000 }, () => {
  it('sluice server serves the API until Ctrl-C, and refuses to expose itself without a token', async () => {
    const p = spawnSluice(['server', '--port', '0', '--bootstrap-server', broker.bootstrap, '--data-dir', join(dir, 'cmd-server')]);
    await p.waitForStdout(/listening on (http:\S+)/);
    const url = /listening on (http:\S+)/.exec(p.stdout())![1]!;
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', broker: { bootstrapServers: [broker.bootstrap] } });
    const ended = await p.stop('SIGINT');
    expect(ended.code).toBe(0);
    expect(ended.stderr).toContain('sluice: server stopped cleanly');

    const exposed = await runSluice(['server', '--host', '0.0.0.0', '--port', '0', '--bootstrap-server', broker.bootstrap, '--data-dir', join(dir, 'exposed')]);
    expect(exposed.code).toBe(1);
    expect(exposed.stderr).toMatch(/^Error: refusing to listen on 0\.0\.0\.0 without an API token.*SLUICE_API_TOKEN/);
  });

  it('sluice start runs broker, server and the weather demo, and stops them all on Ctrl-C', async () => {
    const p = spawnSluice(['start', '--port', '0', '--broker-port', '0', '--data-dir', join(dir, 'start')]);
    await p.waitForStdout(/Sluice is running at (http:\S+)/);
    const url = /Sluice is running at (http:\S+)/.exec(p.stdout())![1]!;
    const pipelines = (await (await fetch(`${url}/api/pipelines`)).json()) as { pipelines: { name: string }[] };
    expect(pipelines.pipelines.map((x) => x.name)).toEqual(['extreme-weather']);
    const topics = (await (await fetch(`${url}/api/topics`)).json()) as { topics: { name: string; partitions: unknown[] }[] };
    const raw = topics.topics.find((t) => t.name === 'raw_weather_topic');
    expect(raw?.partitions).toHaveLength(3);
    const ended = await p.stop('SIGINT');
    expect(ended.code).toBe(0);
    expect(ended.stderr).toContain('sluice: server and broker stopped cleanly');
  });
});

describe('a server that requires its API token', { timeout: 90_000 }, () => {
  it('sluice deploy and sluice pipelines send $SLUICE_API_TOKEN, and say so when it is missing or wrong', async () => {
    const token = 'cli-s3cret';
    const guarded = await createServer({ port: 0, bootstrapServers: broker.bootstrap, dataDir: join(dir, 'guarded'), apiToken: token, logger: silentLogger });
    try {
      const on = (env: Record<string, string>, ...args: string[]) => runSluice([...args, '--server', guarded.url], { env });
      const without = await on({ SLUICE_API_TOKEN: '' }, 'pipelines', 'list');
      expect(without.code).toBe(1);
      expect(without.stderr).toMatch(/^Error: this server requires its API token.*\(set SLUICE_API_TOKEN to the server's API token\)\n$/);
      const wrong = await on({ SLUICE_API_TOKEN: 'nope' }, 'pipelines', 'list');
      expect(wrong.stderr).toMatch(/^Error: the API token is not valid for this server/);

      const deployed = await on({ SLUICE_API_TOKEN: token }, 'deploy', pipelineFile('cli-guarded', 'value.temperature > 40.0'));
      expect(deployed.stderr).toBe('');
      expect(deployed.code).toBe(0);
      const listed = await on({ SLUICE_API_TOKEN: token }, 'pipelines', 'list');
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/\bcli-guarded\b/);
    } finally {
      await guarded.close();
    }
  });

  it('sluice server answers only to its own names and those given with --allowed-hosts', async () => {
    const p = spawnSluice([
      'server', '--port', '0', '--bootstrap-server', broker.bootstrap, '--data-dir', join(dir, 'hosts'), '--allowed-hosts', 'sluice.test,.corp.test',
    ]);
    await p.waitForStdout(/listening on (http:\S+)/);
    const url = new URL(/listening on (http:\S+)/.exec(p.stdout())![1]!);
    const statusUnder = (host: string) =>
      new Promise<number>((resolve, reject) => {
        request(url, { path: '/api/pipelines', headers: { host: `${host}:${url.port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await statusUnder('sluice.test')).toBe(200);
    expect(await statusUnder('build.corp.test')).toBe(200);
    expect(await statusUnder('localhost')).toBe(200);
    expect(await statusUnder('evil.example')).toBe(403);
    const ended = await p.stop('SIGINT');
    expect(ended.code).toBe(0);
    expect(ended.stderr).toMatch(/WARN \[server\] refused GET \/api\/pipelines from \S+: Host "evil\.example:\d+" is not a name of this server/);
  });
});
