import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { OffsetIndex } from './offset-index.js';
import { TimeIndex } from './time-index.js';
import { tempDir } from './testing/fixtures.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('OffsetIndex', () => {
  it('finds the last entry at or below an offset', () => {
    const idx = new OffsetIndex(join(tmp.dir, 'a.index'));
    expect(idx.lookup(5)).toBe(0);
    idx.append(10, 4100);
    idx.append(20, 8300);
    idx.append(35, 12_500);
    expect([idx.lookup(0), idx.lookup(9), idx.lookup(10), idx.lookup(19), idx.lookup(20), idx.lookup(34), idx.lookup(1000)]).toEqual([
      0, 0, 4100, 4100, 8300, 8300, 12_500,
    ]);
    expect(idx.lastPosition).toBe(12_500);
  });

  it('persists only new entries, reloads, and checks its ordering', () => {
    const path = join(tmp.dir, 'b.index');
    const idx = new OffsetIndex(path);
    idx.append(1, 100);
    idx.persist(false);
    idx.append(2, 200);
    idx.persist(true);
    expect(readFileSync(path).toString('hex')).toBe('00000001' + '00000064' + '00000002' + '000000c8');
    const again = new OffsetIndex(path);
    expect(again.load()).toBe(true);
    expect(again.entries).toBe(2);
    expect(again.isSane(201)).toBe(true);
    expect(again.isSane(200)).toBe(false); // a position at the end of the segment cannot start a batch
    again.append(2, 300);
    expect(again.isSane(1000)).toBe(false); // offsets must increase
    again.reset();
    again.persist(false);
    expect(readFileSync(path).length).toBe(0);
  });
});

describe('TimeIndex', () => {
  it('keeps timestamps strictly increasing and looks up the last entry before a time', () => {
    const idx = new TimeIndex(join(tmp.dir, 'a.timeindex'));
    idx.maybeAppend(1000, 0);
    idx.maybeAppend(1000, 5); // not newer: skipped
    idx.maybeAppend(3000, 9);
    idx.maybeAppend(2500, 12); // older: skipped
    idx.maybeAppend(1_700_000_000_000, 40);
    expect(idx.entries).toBe(3);
    expect(idx.lastTimestamp).toBe(1_700_000_000_000);
    expect([idx.lookupBefore(500), idx.lookupBefore(1000), idx.lookupBefore(1001), idx.lookupBefore(3000), idx.lookupBefore(3001)]).toEqual([
      -1, -1, 0, 0, 9,
    ]);
    idx.persist(false);
    const again = new TimeIndex(idx.path);
    expect(again.load() && again.isSane()).toBe(true);
    expect(again.lookupBefore(1_800_000_000_000)).toBe(40);
  });
});
