import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PartitionLog } from './partition-log.js';
import { batchOf, captureLogger, tempDir, testConfig } from './testing/fixtures.js';

let tmp: ReturnType<typeof tempDir>;
let log: PartitionLog | null = null;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  vi.useRealTimers();
  log?.close();
  log = null;
  tmp.cleanup();
});

const recoveryPoint = () => JSON.parse(readFileSync(join(tmp.dir, 'recovery-point.checkpoint'), 'utf8')).recoveryPoint;
const open = (overrides = {}) => (log = PartitionLog.open(tmp.dir, testConfig(overrides), captureLogger()));

describe('flush policy', () => {
  it('fsyncs after flush.messages records', () => {
    const l = open({ flushMessages: 5, flushMs: -1 });
    l.append(batchOf(['1', '2', '3']));
    expect(recoveryPoint()).toBe(0);
    l.append(batchOf(['4', '5']));
    expect(recoveryPoint()).toBe(5);
    l.append(batchOf(['6']));
    expect(recoveryPoint()).toBe(5);
  });

  it('fsyncs flush.ms after the first unflushed append', () => {
    vi.useFakeTimers();
    const l = open({ flushMs: 1000 });
    l.append(batchOf(['a']));
    vi.advanceTimersByTime(999);
    l.append(batchOf(['b']));
    expect(recoveryPoint()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(recoveryPoint()).toBe(2);
    vi.advanceTimersByTime(5000);
    expect(recoveryPoint()).toBe(2);
    l.append(batchOf(['c']));
    vi.advanceTimersByTime(1000);
    expect(recoveryPoint()).toBe(3);
  });

  it('fsyncs on every append with flush.ms 0, and never by itself with flush.ms -1', () => {
    const eager = open({ flushMs: 0 });
    eager.append(batchOf(['a']));
    expect(recoveryPoint()).toBe(1);
    eager.close();
    tmp.cleanup();
    tmp = tempDir();
    vi.useFakeTimers();
    const lazy = open({ flushMs: -1 });
    lazy.append(batchOf(['a']));
    vi.advanceTimersByTime(1e9);
    expect(recoveryPoint()).toBe(0);
  });

  it('applies a new flush policy from updateConfig', () => {
    vi.useFakeTimers();
    const l = open({ flushMs: -1 });
    l.append(batchOf(['a']));
    l.updateConfig(testConfig({ flushMs: 10 }));
    vi.advanceTimersByTime(10);
    expect(recoveryPoint()).toBe(1);
  });
});
