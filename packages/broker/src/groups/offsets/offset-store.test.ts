import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OFFSETS_FILE } from './offset-log.js';
import { OffsetStore } from './offset-store.js';
import { encodeRecords, readFrame, type OffsetLogRecord } from './records.js';

let dir: string;
let warnings: string[];
const logger = { info: () => {}, warn: (m: string) => warnings.push(m) };
const open = (compactThresholdBytes?: number) => OffsetStore.open(dir, { logger, compactThresholdBytes });
const file = () => join(dir, OFFSETS_FILE);
const entry = (topic: string, partition: number, offset: number, metadata = '') => ({ topic, partition, offset, leaderEpoch: 3, metadata });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-offsets-'));
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('offset log records', () => {
  it('round-trips every record type', () => {
    const records: OffsetLogRecord[] = [
      { type: 'offset', groupId: 'g', topic: 'tópico', partition: 7, offset: 2 ** 40 + 3, leaderEpoch: -1, metadata: 'meta ✓', commitTimestamp: 1_700_000_000_123 },
      { type: 'offset-tombstone', groupId: 'g', topic: 't', partition: 1 },
      { type: 'group', groupId: 'g', protocolType: 'consumer', generationId: 12 },
      { type: 'group-tombstone', groupId: '' },
    ];
    const buf = encodeRecords(records);
    const back: OffsetLogRecord[] = [];
    for (let pos = 0; pos < buf.length; ) {
      const f = readFrame(buf, pos);
      if (f.kind !== 'record') throw new Error(f.kind);
      back.push(f.record);
      pos += f.bytes;
    }
    expect(back).toEqual(records);
  });

  it('tells a cut frame from a corrupt one', () => {
    const buf = encodeRecords([{ type: 'group-tombstone', groupId: 'group' }]);
    expect(readFrame(buf.subarray(0, buf.length - 1), 0).kind).toBe('incomplete');
    const bad = Buffer.from(buf);
    bad[bad.length - 1] ^= 0xff;
    expect(readFrame(bad, 0)).toMatchObject({ kind: 'corrupt', reason: 'checksum mismatch' });
  });
});

describe('OffsetStore', () => {
  it('replays commits, deletions and group metadata on reopen', () => {
    const s = open();
    s.commit('g1', [entry('orders', 0, 5, 'a'), entry('orders', 1, 9)], 111);
    s.commit('g1', [entry('orders', 0, 6, 'b')], 222);
    s.commit('g2', [entry('audit', 0, 1)], 333);
    s.storeGroupMetadata('g1', { protocolType: 'consumer', generationId: 4 });
    s.deleteOffsets('g1', [{ topic: 'orders', partition: 1 }]);
    s.commit('g3', [entry('x', 0, 1)], 1);
    s.deleteGroup('g3');
    s.close();

    const r = open();
    expect(r.get('g1', 'orders', 0)).toEqual({ offset: 6, leaderEpoch: 3, metadata: 'b', commitTimestamp: 222 });
    expect(r.get('g1', 'orders', 1)).toBeUndefined();
    expect(r.get('g2', 'audit', 0)?.offset).toBe(1);
    expect(r.groupMetadata('g1')).toEqual({ protocolType: 'consumer', generationId: 4 });
    expect(r.groupIds().sort()).toEqual(['g1', 'g2']);
    expect(warnings).toEqual([]);
    r.close();
  });

  it('survives a torn tail: keeps every whole record, drops the cut one, and appends after it', () => {
    const s = open();
    s.commit('g', [entry('t', 0, 1)], 1);
    s.commit('g', [entry('t', 0, 2)], 2);
    s.close();
    const whole = statSync(file()).size;
    appendFileSync(file(), encodeRecords([{ type: 'offset', groupId: 'g', topic: 't', partition: 0, offset: 3, leaderEpoch: 0, metadata: '', commitTimestamp: 3 }]));
    truncateSync(file(), statSync(file()).size - 5); // the crash cut the last write short

    const r = open();
    expect(r.get('g', 't', 0)?.offset).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/incomplete record at byte \d+; dropping the last \d+ bytes/);
    expect(statSync(file()).size).toBe(whole);
    r.commit('g', [entry('t', 0, 4)], 4);
    r.close();
    expect(open().get('g', 't', 0)?.offset).toBe(4);
  });

  it('drops a last record whose bytes were damaged', () => {
    const s = open();
    s.commit('g', [entry('t', 0, 1)], 1);
    s.commit('g', [entry('t', 0, 2)], 2);
    s.close();
    const bytes = readFileSync(file());
    bytes[bytes.length - 3] ^= 0x55;
    writeFileSync(file(), bytes);
    const r = open();
    expect(r.get('g', 't', 0)?.offset).toBe(1);
    expect(warnings[0]).toMatch(/checksum mismatch/);
    r.close();
  });

  it('treats garbage where a record length should be as the end of the log', () => {
    const s = open();
    s.commit('g', [entry('t', 0, 1)], 1);
    s.close();
    appendFileSync(file(), Buffer.from('ffffffff00000000', 'hex'));
    const r = open();
    expect(r.get('g', 't', 0)?.offset).toBe(1);
    expect(warnings[0]).toMatch(/implausible record length/);
    r.close();
  });

  it('compacts as it grows, keeping only the latest values', () => {
    const s = open(4096);
    for (let i = 0; i < 2000; i++) s.commit('g', [entry('orders', i % 4, i, `v${i}`)], i);
    s.commit('h', [entry('t', 0, 1)], 0);
    s.deleteGroup('h');
    expect(s.sizeBytes).toBeLessThan(8192);
    s.close();
    const r = open(4096);
    for (let p = 0; p < 4; p++) expect(r.get('g', 'orders', p)).toMatchObject({ offset: 1996 + p, metadata: `v${1996 + p}` });
    expect(r.groupIds()).toEqual(['g']);
    r.close();
  });

  it('ignores a compaction that was interrupted before its rename', () => {
    const s = open();
    s.commit('g', [entry('t', 0, 7)], 1);
    s.close();
    writeFileSync(join(dir, 'offsets.log.compacting'), Buffer.from('partial garbage'));
    const r = open();
    expect(r.get('g', 't', 0)?.offset).toBe(7);
    r.close();
  });
});
