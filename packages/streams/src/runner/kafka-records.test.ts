import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { toConsumedRecord, toProducerMessage } from './kafka-records.js';

const message = (fields: Partial<KafkaMessage>): KafkaMessage =>
  ({ key: null, value: null, timestamp: '0', attributes: 0, offset: '0', headers: {}, ...fields }) as KafkaMessage;

describe('kafka records', () => {
  it('reads offsets and timestamps as numbers and keeps the bytes', () => {
    const record = toConsumedRecord('t', 3, message({ key: Buffer.from('k'), value: Buffer.from('v'), offset: '12345678901', timestamp: '1700000000000' }));
    expect(record).toEqual({ key: Buffer.from('k'), value: Buffer.from('v'), headers: {}, topic: 't', partition: 3, offset: 12345678901, timestamp: 1700000000000 });
  });

  it('reads each record its own timestamp, however consecutive records repeat or change it', () => {
    const stamps = ['1700000000000', '1700000000000', '1700000000001', '1700000000000', '-5', '0'];
    const read = stamps.map((timestamp) => toConsumedRecord('t', 0, message({ timestamp })).timestamp);
    expect(read).toEqual([1700000000000, 1700000000000, 1700000000001, 1700000000000, -5, 0]);
  });

  it('flattens repeated headers to the last value and drops undefined ones', () => {
    const record = toConsumedRecord('t', 0, message({ headers: { a: [Buffer.from('1'), Buffer.from('2')], b: 'x', c: undefined } }));
    expect(record.headers).toEqual({ a: Buffer.from('2'), b: 'x' });
  });

  it('keeps a null key and a tombstone as null', () => {
    const record = toConsumedRecord('t', 0, message({ key: null, value: null }));
    expect(record.key).toBeNull();
    expect(record.value).toBeNull();
  });

  it('produces with the record timestamp as text and lets the key choose the partition', () => {
    const m = toProducerMessage({ topic: 'o', key: Buffer.from('k'), value: null, headers: { h: 'v' }, timestamp: 42 });
    expect(m).toEqual({ key: Buffer.from('k'), value: null, headers: { h: 'v' }, timestamp: '42' });
    expect('partition' in m).toBe(false);
    expect(toProducerMessage({ topic: 'o', key: null, value: null, headers: {}, timestamp: 1, partition: 2 }).partition).toBe(2);
  });
});
