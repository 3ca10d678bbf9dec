import { describe, expect, it } from 'vitest';
import { formatMembersTable, formatOffsetsTable, formatResetTable } from './tables.js';

describe('formatOffsetsTable', () => {
  it('aligns columns like kafka-consumer-groups.sh and prints "-" for unknown cells', () => {
    const out = formatOffsetsTable([
      {
        group: 'g',
        topic: 'orders',
        partition: 0,
        currentOffset: '10',
        logEndOffset: '15',
        lag: '5',
        consumerId: 'console-consumer-1',
        host: '/127.0.0.1',
        clientId: 'console-consumer',
      },
      { group: 'g', topic: 'orders', partition: 1, logEndOffset: '3' },
    ]);
    const lines = out.split('\n');
    expect(lines[0]).toBe('');
    expect(lines[1]).toBe(
      'GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID        HOST            CLIENT-ID',
    );
    expect(lines[2]).toBe(
      'g               orders          0          10              15              5               console-consumer-1 /127.0.0.1      console-consumer',
    );
    expect(lines[3]).toBe(
      'g               orders          1          -               3               -               -                  -               -',
    );
    expect(out.endsWith('-\n')).toBe(true);
  });

  it('widens a column for a long group or topic name', () => {
    const group = 'a-rather-long-consumer-group';
    const lines = formatOffsetsTable([{ group, topic: 't', partition: 0 }]).split('\n');
    expect(lines[1].indexOf('TOPIC')).toBe(group.length + 1);
    expect(lines[2].indexOf(' t ')).toBe(group.length);
  });
});

describe('formatMembersTable / formatResetTable', () => {
  it('prints members with their partition counts', () => {
    expect(formatMembersTable([{ group: 'g', consumerId: 'c-1', host: '/10.0.0.1', clientId: 'app', partitions: 3 }])).toBe(
      '\nGROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS\n' +
        'g               c-1             /10.0.0.1       app             3\n',
    );
  });

  it('prints the new offsets of a reset', () => {
    expect(formatResetTable([{ group: 'g', topic: 'orders', partition: 2, newOffset: '0' }])).toBe(
      '\nGROUP           TOPIC           PARTITION  NEW-OFFSET\n' + 'g               orders          2          0\n',
    );
  });
});
