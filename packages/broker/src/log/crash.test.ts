import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartitionLog } from './partition-log.js';
import { captureLogger, readValues, tempDir, testConfig } from './testing/fixtures.js';

// The child runs the built code (dist/), as the broker does in production.
const writerPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'log', 'testing', 'crash-writer.js');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** Runs the writer until it has acknowledged at least `minAcked` more offsets, then SIGKILLs it. */
function runAndKill(dir: string, minAcked: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerPath, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let first = -1;
    let lastAcked = -1;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!; // a partial line is not an acknowledgement
      for (const line of lines) {
        const acked = Number(line.slice('acked '.length));
        if (first < 0) first = acked;
        lastAcked = Math.max(lastAcked, acked);
      }
      if (!killed && lastAcked - first >= minAcked) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // Never leave the child behind, even if it stops making progress.
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crash writer made no progress (acked up to ${lastAcked}): ${err}`));
    }, 30_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') resolve(lastAcked);
      else reject(new Error(`crash writer exited with ${code} before being killed: ${err}`));
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged record through kill -9, twice over', { timeout: 60_000 }, async () => {
    expect(existsSync(writerPath), `${writerPath} is missing: build the broker first (pnpm -C packages/broker run build)`).toBe(true);
    for (let round = 0; round < 2; round++) {
      const acked = await runAndKill(tmp.dir, 20_000);
      const log = PartitionLog.open(tmp.dir, testConfig(), captureLogger());
      try {
        expect(log.logEndOffset).toBeGreaterThan(acked);
        const values = readValues(log);
        expect(values.length).toBe(log.logEndOffset);
        values.forEach((r, i) => {
          if (r.offset !== i || r.value !== `value-${i}`) throw new Error(`offset ${i}: found ${r.offset} "${r.value}"`);
        });
      } finally {
        log.close();
      }
    }
  });
});
