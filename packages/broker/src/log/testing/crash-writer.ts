// Crash-test child: appends to the partition log in argv[2] as fast as it can and reports each
// acknowledged offset on stdout ("acked <lastOffset>"), until the parent kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { PartitionLog } from '../partition-log.js';
import { batchOf, testConfig } from './fixtures.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: crash-writer <partition-dir>\n');
  process.exit(2);
}
// Small segments so the crash can land around a roll; no fsync at all: the page cache must suffice.
const log = PartitionLog.open(dir, testConfig({ segmentBytes: 64 * 1024, indexIntervalBytes: 512, flushMs: -1 }), {
  info: () => {},
  warn: (m) => process.stderr.write(`${m}\n`),
});
let next = log.logEndOffset;
for (;;) {
  const count = 1 + (next % 7);
  const result = log.append(batchOf(Array.from({ length: count }, (_, i) => `value-${next + i}`)));
  if (result.baseOffset !== next) throw new Error(`expected offset ${next}, got ${result.baseOffset}`);
  next = result.lastOffset + 1;
  report(`acked ${result.lastOffset}\n`);
}

/** Synchronous, so an acknowledgement is out before the next append (stdout may be non-blocking). */
function report(line: string): void {
  const bytes = Buffer.from(line);
  for (let off = 0; off < bytes.length; ) {
    try {
      off += writeSync(1, bytes, off);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}
