import { startBrokerProcess } from '@sluice/broker/testing';
import { createServer, silentLogger } from '@sluice/server';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/web/dist: the built app the server hands out, as users get it. */
export const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

export interface Stack {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The broker's host:port for Kafka clients. */
  bootstrap: string;
  stop(): Promise<void>;
}

/** The real embedded broker as a process, and the real server on a free port, each with a fresh data dir. */
export async function startStack(): Promise<Stack> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`the web app is not built (${webDist} has no index.html): run "pnpm -C apps/web run build" first`);
  }
  const broker = await startBrokerProcess();
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-web-e2e-'));
  try {
    const server = await createServer({
      port: 0,
      bootstrapServers: broker.bootstrap,
      dataDir,
      demo: false,
      webDir: webDist,
      logger: process.env.SLUICE_E2E_LOG ? undefined : silentLogger,
    });
    return {
      url: server.url,
      bootstrap: broker.bootstrap,
      async stop() {
        await server.close();
        await broker.stop();
        broker.cleanup();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await broker.stop();
    broker.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
