import { describe, expect, it } from 'vitest';
import { errorChain, explainConnectionError, protocolErrorType } from './errors.js';

/** Errors shaped as kafkajs builds them: a retry wrapper around a connection error. */
function kafkaJsError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...extra });
}

describe('explainConnectionError', () => {
  it('names the address and what to do when the broker refuses connections', () => {
    const cause = kafkaJsError('KafkaJSConnectionError', 'Connection error: connect ECONNREFUSED 127.0.0.1:9092', {
      broker: '127.0.0.1:9092',
      code: 'ECONNREFUSED',
    });
    const err = kafkaJsError('KafkaJSNumberOfRetriesExceeded', cause.message, { cause });
    expect(explainConnectionError(err, ['127.0.0.1:9092'])).toBe(
      "cannot reach a Kafka broker at 127.0.0.1:9092 (connection refused). Is it running? Start one with 'sluice broker', " +
        'or point --bootstrap-server (or $SLUICE_BOOTSTRAP_SERVER) at your cluster.',
    );
  });

  it('recognises timeouts and unknown hosts', () => {
    const timeout = kafkaJsError('KafkaJSConnectionError', 'Connection timeout', { broker: 'h:1' });
    expect(explainConnectionError(timeout, ['h:1'])).toMatch(/at h:1 \(connection timed out\)/);
    const dns = kafkaJsError('KafkaJSConnectionError', 'x', { broker: 'nohost:1', code: 'ENOTFOUND' });
    expect(explainConnectionError(dns, [])).toMatch(/\(unknown host\)/);
  });

  it('leaves other errors alone', () => {
    expect(explainConnectionError(new Error('TOPIC_ALREADY_EXISTS'), ['h:1'])).toBeUndefined();
  });
});

describe('protocolErrorType / errorChain', () => {
  it('finds the protocol error inside aggregate and retry wrappers', () => {
    const inner = kafkaJsError('KafkaJSCreateTopicError', 'Replication factor is invalid', { type: 'INVALID_REPLICATION_FACTOR' });
    const aggregate = kafkaJsError('KafkaJSAggregateError', 'Topic creation errors', { errors: [inner] });
    expect(protocolErrorType(aggregate)).toBe('INVALID_REPLICATION_FACTOR');
    expect(protocolErrorType(new Error('plain'))).toBeUndefined();
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.cause = a;
    expect(errorChain(a)).toHaveLength(1);
  });
});
