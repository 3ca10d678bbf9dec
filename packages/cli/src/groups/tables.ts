/** A describe row; an absent field prints as "-", as kafka-consumer-groups.sh does. */
export interface OffsetRow {
  group: string;
  topic?: string;
  partition?: number;
  currentOffset?: string;
  logEndOffset?: string;
  lag?: string;
  consumerId?: string;
  host?: string;
  clientId?: string;
}

export interface MemberRow {
  group: string;
  consumerId: string;
  host: string;
  clientId: string;
  partitions: number;
}

export interface ResetRow {
  group: string;
  topic: string;
  partition: number;
  newOffset: string;
}

const MISSING = '-';

function width(min: number, values: Array<string | undefined>): number {
  return Math.max(min, ...values.map((v) => (v ?? MISSING).length));
}

/** Left-aligns each cell to its column width (a cell never gets cut), like printf's %-Ns. */
function line(cells: Array<string | number | undefined>, widths: number[]): string {
  return cells
    .map((c, i) => {
      const s = c === undefined ? MISSING : String(c);
      return i < widths.length ? s.padEnd(widths[i]) : s;
    })
    .join(' ')
    .trimEnd();
}

/**
 * `--describe --group G` (offsets view): a blank line, the header, one row per partition. Widths
 * follow Kafka: group, topic, consumer id and host columns at least 15 wide, PARTITION 10, offsets 15.
 */
export function formatOffsetsTable(rows: readonly OffsetRow[]): string {
  const w = [
    width(15, rows.map((r) => r.group)),
    width(15, rows.map((r) => r.topic)),
    10,
    15,
    15,
    15,
    width(15, rows.map((r) => r.consumerId)),
    width(15, rows.map((r) => r.host)),
  ];
  const header = ['GROUP', 'TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER-ID', 'HOST', 'CLIENT-ID'];
  const body = rows.map((r) =>
    line([r.group, r.topic, r.partition, r.currentOffset, r.logEndOffset, r.lag, r.consumerId, r.host, r.clientId], w),
  );
  return ['', line(header, w), ...body].join('\n') + '\n';
}

/** `--describe --group G --members`. */
export function formatMembersTable(rows: readonly MemberRow[]): string {
  const w = [
    width(15, rows.map((r) => r.group)),
    width(15, rows.map((r) => r.consumerId)),
    width(15, rows.map((r) => r.host)),
    width(15, rows.map((r) => r.clientId)),
  ];
  const header = ['GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', '#PARTITIONS'];
  const body = rows.map((r) => line([r.group, r.consumerId, r.host, r.clientId, r.partitions], w));
  return ['', line(header, w), ...body].join('\n') + '\n';
}

/** `--reset-offsets`: the offsets each partition is (or, with --dry-run, would be) moved to. */
export function formatResetTable(rows: readonly ResetRow[]): string {
  const w = [width(15, rows.map((r) => r.group)), width(15, rows.map((r) => r.topic)), 10];
  const header = ['GROUP', 'TOPIC', 'PARTITION', 'NEW-OFFSET'];
  const body = rows.map((r) => line([r.group, r.topic, r.partition, r.newOffset], w));
  return ['', line(header, w), ...body].join('\n') + '\n';
}
