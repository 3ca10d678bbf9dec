import { describe, expect, it } from 'vitest';
import { ErrorCode, errorByCode, errorByName, KafkaProtocolError, kafkaErrors } from './errors.js';

describe('Kafka error table', () => {
  it('covers every code from -1 to 90 without gaps, ascending, names unique', () => {
    const codes = kafkaErrors.map((e) => e.code);
    for (let code = -1; code <= 90; code++) expect(codes).toContain(code);
    expect([...codes].sort((a, b) => a - b)).toEqual(codes);
    expect(new Set(kafkaErrors.map((e) => e.name)).size).toBe(kafkaErrors.length);
  });

  it('uses the names of Kafka’s Errors enum', () => {
    expect(ErrorCode.NONE).toBe(0);
    expect(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION).toBe(3);
    expect(ErrorCode.NOT_LEADER_OR_FOLLOWER).toBe(6);
    expect(ErrorCode.UNSUPPORTED_VERSION).toBe(35);
    expect(ErrorCode.TOPIC_ALREADY_EXISTS).toBe(36);
    expect(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER).toBe(45);
    expect(ErrorCode.INVALID_PRODUCER_EPOCH).toBe(47);
    expect(ErrorCode.MEMBER_ID_REQUIRED).toBe(79);
    expect(ErrorCode.PRODUCER_FENCED).toBe(90);
  });

  it('marks retriable codes as Kafka does', () => {
    const retriable = (code: number) => errorByCode(code)?.retriable;
    for (const code of [2, 3, 5, 6, 7, 14, 15, 16, 19, 51, 56, 74, 89]) expect(retriable(code), `code ${code}`).toBe(true);
    for (const code of [-1, 0, 1, 22, 25, 27, 35, 36, 45, 47, 48, 79, 90]) expect(retriable(code), `code ${code}`).toBe(false);
  });

  it('looks errors up by code and by name', () => {
    expect(errorByName('REBALANCE_IN_PROGRESS')).toBe(errorByCode(27));
    expect(errorByCode(27)?.message).toMatch(/rebalanc/i);
    expect(errorByCode(99999)).toBeUndefined();
    expect(errorByName('NO_SUCH_ERROR')).toBeUndefined();
  });
});

describe('KafkaProtocolError', () => {
  it('carries the code, name and retriability, and says what it is about', () => {
    const err = new KafkaProtocolError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'topic "orders"');
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: 3, errorName: 'UNKNOWN_TOPIC_OR_PARTITION', retriable: true });
    expect(err.message).toBe('topic "orders": UNKNOWN_TOPIC_OR_PARTITION (3): This server does not host this topic-partition.');
  });

  it('accepts a name, and tolerates codes it does not know', () => {
    expect(new KafkaProtocolError('TOPIC_ALREADY_EXISTS').code).toBe(36);
    const unknown = new KafkaProtocolError(4242);
    expect(unknown).toMatchObject({ code: 4242, errorName: 'UNKNOWN_ERROR_CODE', retriable: false });
    expect(unknown.message).toMatch(/error code 4242/);
  });
});
