import { describe, expect, it } from 'vitest';
import { firstRunPipeline, takeFirstRun } from './first-run.js';

const demo = { id: 'p1', name: 'extreme-weather', status: 'running' };

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('first run', () => {
  it('opens the running demo when it is the only pipeline, once', () => {
    const storage = memoryStorage();
    expect(takeFirstRun([demo], storage)).toBe('p1');
    expect(takeFirstRun([demo], storage)).toBeNull();
  });

  it('stays on the list for anything else', () => {
    expect(firstRunPipeline([demo], true)).toBeNull();
    expect(firstRunPipeline([{ ...demo, status: 'stopped' }], false)).toBeNull();
    expect(firstRunPipeline([{ ...demo, name: 'mine' }], false)).toBeNull();
    expect(firstRunPipeline([demo, { ...demo, id: 'p2', name: 'other' }], false)).toBeNull();
    expect(firstRunPipeline([], false)).toBeNull();
  });

  it('waits for the demo while the list is still empty', () => {
    const storage = memoryStorage();
    expect(takeFirstRun([], storage)).toBeNull();
    expect(takeFirstRun([demo], storage)).toBe('p1');
  });
});
