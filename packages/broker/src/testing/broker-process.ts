import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The broker's built entry point (dist/main.js), whether this module runs from src/ or dist/. */
export const brokerMainPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'main.js');

export interface BrokerProcessOptions {
  /** Reuse a data directory (to test restarts); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Broker configs passed as `--config k=v`. */
  config?: Record<string, string | number>;
  /** Fixed port; 0 (a free port chosen by the OS) by default. */
  port?: number;
  /** Listeners in `--listen` form (`SASL_SSL://127.0.0.1:0`); one PLAINTEXT listener on `port` by default. */
  listeners?: string[];
  /** Extra command-line arguments. */
  args?: string[];
}

/** One bound listener of a running broker process. */
export interface BoundListener {
  host: string;
  port: number;
  bootstrap: string;
}

export interface BrokerProcess {
  host: string;
  port: number;
  /** `host:port` of the first listener, ready for --bootstrap-server or kafkajs `brokers`. */
  bootstrap: string;
  /** Every listener by security protocol. */
  listeners: Partial<Record<'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL', BoundListener>>;
  dataDir: string;
  child: ChildProcess;
  /** Everything the broker printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
  /** Remove the data directory (after stop/kill). */
  cleanup(): void;
}

/**
 * Starts the real broker process (`node dist/main.js`) on a free loopback port and resolves once it
 * prints its `listening` line. Used by integration tests and benchmarks across the workspace.
 */
export function startBrokerProcess(opts: BrokerProcessOptions = {}): Promise<BrokerProcess> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'sluice-broker-'));
  const listen = opts.listeners ?? [`127.0.0.1:${opts.port ?? 0}`];
  const args = [brokerMainPath, ...listen.flatMap((l) => ['--listen', l]), '--data-dir', dataDir];
  for (const [k, v] of Object.entries(opts.config ?? {})) args.push('--config', `${k}=${v}`);
  args.push(...(opts.args ?? []));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on ([\d.]+):(\d+)(.*)\n/.exec(out);
      if (m) {
        const listeners: BrokerProcess['listeners'] = {};
        for (const [, h, p, protocol] of m[0].matchAll(/([\d.]+):(\d+)(?: \((\w+)\))?/g)) {
          listeners[(protocol ?? 'PLAINTEXT') as keyof BrokerProcess['listeners']] = { host: h, port: Number(p), bootstrap: `${h}:${p}` };
        }
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => (out += more.toString()));
        const host = m[1];
        const port = Number(m[2]);
        resolve({
          host,
          port,
          bootstrap: `${host}:${port}`,
          listeners,
          dataDir,
          child,
          output: () => out,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
          cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`broker exited with code ${code} before listening:\n${out}`)));
    setTimeout(() => reject(new Error(`broker did not print "listening" within 15 s:\n${out}`)), 15_000).unref();
  });
}
