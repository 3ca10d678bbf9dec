import { explainSecurityFailure, PLAINTEXT_CONNECTION, type KafkaConnectionSettings } from '@sluice/kafka-admin';

/** The fields kafkajs puts on its errors that matter for a one-line explanation. */
interface KafkaJsErrorShape {
  name?: string;
  message?: string;
  type?: string;
  broker?: string;
  code?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
}

function shape(err: unknown): KafkaJsErrorShape | undefined {
  return typeof err === 'object' && err !== null ? (err as KafkaJsErrorShape) : undefined;
}

/** The error itself, then what it wraps (retry wrappers, aggregate errors), breadth first. */
export function errorChain(err: unknown): KafkaJsErrorShape[] {
  const out: KafkaJsErrorShape[] = [];
  const queue: unknown[] = [err];
  while (queue.length > 0 && out.length < 20) {
    const e = shape(queue.shift());
    if (!e || out.includes(e)) continue;
    out.push(e);
    queue.push(e.cause, e.originalError, ...(Array.isArray(e.errors) ? e.errors : []));
  }
  return out;
}

/** The Kafka protocol error name (e.g. `TOPIC_ALREADY_EXISTS`) anywhere in the chain. */
export function protocolErrorType(err: unknown): string | undefined {
  return errorChain(err).find((e) => typeof e.type === 'string')?.type;
}

/**
 * One line for errors that are about reaching the cluster rather than about the command, naming the
 * address tried and what to do. Undefined when the error is something else.
 */
export function explainConnectionError(
  err: unknown,
  brokers: readonly string[],
  connection: KafkaConnectionSettings = PLAINTEXT_CONNECTION,
): string | undefined {
  const security = explainSecurityFailure(err, connection);
  if (security) return security;
  const chain = errorChain(err);
  const conn = chain.find((e) => e.name === 'KafkaJSConnectionError' || e.name === 'KafkaJSConnectionClosedError');
  const notFound = chain.find((e) => e.name === 'KafkaJSBrokerNotFound');
  if (!conn && !notFound) return undefined;
  const where = conn?.broker ?? brokers.join(',');
  const why =
    conn?.code === 'ECONNREFUSED'
      ? 'connection refused'
      : conn?.code === 'ENOTFOUND'
        ? 'unknown host'
        : /timeout/i.test(conn?.message ?? '')
          ? 'connection timed out'
          : (conn?.message ?? notFound?.message ?? 'unreachable').replace(/^Connection error: /, '');
  return (
    `cannot reach a Kafka broker at ${where} (${why}). Is it running? ` +
    `Start one with 'sluice broker', or point --bootstrap-server (or $SLUICE_BOOTSTRAP_SERVER) at your cluster.`
  );
}
