/** The fields kafkajs puts on its errors that tell what went wrong. */
interface KafkaJsErrorShape {
  name?: string;
  message?: string;
  type?: string;
  code?: string;
  cause?: unknown;
  originalError?: unknown;
  retriable?: boolean;
  /** KafkaJSAggregateError: one error per topic of a batch call. */
  errors?: unknown[];
}

/**
 * The error, then whatever it wraps (retry wrappers keep the last attempt's error, aggregate errors
 * one per topic), breadth first.
 */
export function errorChain(err: unknown): KafkaJsErrorShape[] {
  const chain: KafkaJsErrorShape[] = [];
  const queue: unknown[] = [err];
  while (queue.length > 0 && chain.length < 20) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null) continue;
    const e = next as KafkaJsErrorShape;
    if (chain.includes(e)) continue;
    chain.push(e);
    queue.push(e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : []));
  }
  return chain;
}

const UNREACHABLE_NAMES = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSBrokerNotFound',
  'KafkaJSRequestTimeoutError',
  'KafkaJSLockTimeout',
]);
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE']);

/** True when the error is about reaching the cluster, not about the request. */
export function isBrokerUnreachable(err: unknown): boolean {
  return errorChain(err).some(
    (e) => (e.name !== undefined && UNREACHABLE_NAMES.has(e.name)) || (e.code !== undefined && UNREACHABLE_CODES.has(e.code)),
  );
}

/** The Kafka protocol error name (`TOPIC_ALREADY_EXISTS`, `UNKNOWN_TOPIC_OR_PARTITION`, …) if there is one. */
export function protocolErrorType(err: unknown): string | undefined {
  return errorChain(err).find((e) => typeof e.type === 'string')?.type;
}

/** The innermost message, which says the most; kafkajs wrappers only add "retries exceeded". */
export function rootMessage(err: unknown): string {
  const chain = errorChain(err);
  const last = chain[chain.length - 1];
  return last?.message ?? String(err);
}
