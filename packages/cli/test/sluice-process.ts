import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI, exactly what `pnpm sluice` runs. */
export const cliMain = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'main.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Piped to the command's stdin, then closed. */
  stdin?: string;
  /** SLUICE_BOOTSTRAP_SERVER for the command. */
  bootstrap?: string;
  env?: Record<string, string>;
}

/** Guards against a hung command; not a performance bound. */
const HANG_GUARD_MS = 60_000;

function assertBuilt(): void {
  if (!existsSync(cliMain)) throw new Error(`${cliMain} is missing: run \`pnpm -C packages/cli run build\` first`);
}

/** A `sluice …` process that runs in the background until stopped. */
export interface SluiceProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout matches. */
  waitForStdout(pattern: RegExp): Promise<void>;
  /** Resolves when the process has exited. */
  exited: Promise<CliResult>;
  /** Sends a signal (SIGINT by default) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>;
}

const running = new Set<ChildProcess>();

export function spawnSluice(args: string[], opts: RunOptions = {}): SluiceProcess {
  assertBuilt();
  const child = spawn(process.execPath, [cliMain, ...args], {
    env: {
      ...process.env,
      ...(opts.bootstrap ? { SLUICE_BOOTSTRAP_SERVER: opts.bootstrap } : {}),
      ...opts.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) {
      if (w.pattern.test(out)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
  const exited = new Promise<CliResult>((resolve) =>
    child.once('close', (code, signal) => {
      clearTimeout(guard);
      running.delete(child);
      resolve({ code, signal, stdout: out, stderr: err });
    }),
  );
  if (opts.stdin !== undefined) child.stdin!.end(opts.stdin);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForStdout: (pattern) =>
      pattern.test(out)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ pattern, resolve });
            void exited.then((r) => reject(new Error(`sluice exited before printing ${pattern}:\n${r.stdout}\n${r.stderr}`)));
          }),
    stop: async (signal = 'SIGINT') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs `sluice …` to completion (stdin closed unless given). */
export function runSluice(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  const p = spawnSluice(args, { ...opts, stdin: opts.stdin ?? '' });
  return p.exited;
}

/** Kills any sluice process a test left running (afterAll). */
export async function killStragglers(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('close', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** A loopback port nothing listens on (for the unreachable-broker case). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Retries `check` until it returns a value (not undefined), up to `attempts` times. */
export async function eventually<T>(check: () => Promise<T | undefined>, attempts = 50, pauseMs = 200): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  throw new Error('condition not reached');
}
