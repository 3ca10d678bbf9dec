import { describe, expect, it } from 'vitest';
import { formatRecord, formatterOptionsFrom, type ConsumedRecord } from './record-formatter.js';

const record: ConsumedRecord = {
  partition: 2,
  offset: '41',
  timestamp: '1700000000000',
  key: Buffer.from('user-1'),
  value: Buffer.from('{"t":40.5}'),
  headers: [
    ['source', Buffer.from('station-7')],
    ['trace', null],
  ],
};

const show = (props: Record<string, string>, r: ConsumedRecord = record) =>
  formatRecord(r, formatterOptionsFrom(new Map(Object.entries(props)))).toString('utf8');

describe('formatRecord', () => {
  it('prints just the value and a newline by default', () => {
    expect(show({})).toBe('{"t":40.5}\n');
  });

  it('prints key and value separated by a tab with print.key', () => {
    expect(show({ 'print.key': 'true' })).toBe('user-1\t{"t":40.5}\n');
  });

  it("orders fields as Kafka does: timestamp, partition, offset, headers, key, value", () => {
    expect(
      show({
        'print.value': 'true',
        'print.key': 'true',
        'print.headers': 'true',
        'print.offset': 'true',
        'print.partition': 'true',
        'print.timestamp': 'true',
        'key.separator': ' | ',
      }),
    ).toBe('CreateTime:1700000000000 | Partition:2 | Offset:41 | source:station-7,trace:null | user-1 | {"t":40.5}\n');
  });

  it('prints null.literal for a missing key or value and NO_HEADERS without headers', () => {
    const bare = { ...record, key: null, value: null, headers: [] };
    expect(show({ 'print.key': 'true', 'print.headers': 'true' }, bare)).toBe('NO_HEADERS\tnull\tnull\n');
    expect(show({ 'print.key': 'true', 'null.literal': '<nil>' }, bare)).toBe('<nil>\t<nil>\n');
  });

  it('ends with line.separator after the last field shown, even when the value is hidden', () => {
    expect(show({ 'print.key': 'true', 'print.value': 'false', 'line.separator': ';' })).toBe('user-1;');
    expect(show({ 'print.value': 'false' })).toBe('');
  });

  it('uses headers.separator between header pairs', () => {
    expect(show({ 'print.headers': 'true', 'print.value': 'false', 'headers.separator': '|' })).toBe(
      'source:station-7|trace:null\n',
    );
  });

  it('writes key and value bytes unchanged', () => {
    const binary = { ...record, value: Buffer.from([0xff, 0x00, 0x41]) };
    const out = formatRecord(binary, formatterOptionsFrom(new Map()));
    expect([...out]).toEqual([0xff, 0x00, 0x41, 0x0a]);
  });
});
