import { describe, expect, it } from 'vitest';
import { decode } from '../codec/decode.js';
import { encode } from '../codec/encode.js';
import { Reader } from '../primitives/reader.js';
import { Writer } from '../primitives/writer.js';
import { DescribeLogDirsRequestSchema, DescribeLogDirsResponseSchema } from './35_describe_log_dirs.js';

// Bytes as kafka-python 2.0.2's DescribeLogDirsRequest_v0 / Kafka's v1 lay them out.
describe('DescribeLogDirs', () => {
  it('reads a request for every topic (null) and for named partitions', () => {
    const all = decode(DescribeLogDirsRequestSchema, 0, new Reader(Buffer.from('ffffffff', 'hex')));
    expect(all.topics).toBeNull();
    const some = decode(DescribeLogDirsRequestSchema, 1, new Reader(Buffer.from('00000001' + '0001' + '74' + '00000002' + '00000000' + '00000003', 'hex')));
    expect(some.topics).toEqual([{ topic: 't', partitions: [0, 3] }]);
  });

  it('writes sizes per partition', () => {
    const bytes = encode(
      DescribeLogDirsResponseSchema,
      0,
      {
        throttleTimeMs: 0,
        results: [{ errorCode: 0, logDir: '/d', topics: [{ name: 't', partitions: [{ partitionIndex: 1, partitionSize: 300n, offsetLag: 0n, isFutureKey: false }] }] }],
      },
      new Writer(),
    ).toBuffer();
    expect(bytes.toString('hex')).toBe(
      '00000000' + '00000001' + '0000' + '0002' + '2f64' + '00000001' + '0001' + '74' + '00000001' + '00000001' + '000000000000012c' + '0000000000000000' + '00',
    );
  });
});
