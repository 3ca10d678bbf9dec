/** The cluster cannot run transactions, so an exactly_once_v2 pipeline cannot run there. */
export class TransactionsUnavailableError extends Error {
  override readonly name = 'TransactionsUnavailableError';
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `processingGuarantee "exactly_once_v2" needs Kafka transactions, and the cluster cannot start one (${reason}); ` +
        `run the pipeline with "processingGuarantee": "at_least_once" on this cluster`,
      { cause },
    );
  }
}

// What a broker without transactions (or without the right to use them) answers InitProducerId with.
const UNSUPPORTED_TYPES = new Set(['UNSUPPORTED_VERSION', 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED', 'CLUSTER_AUTHORIZATION_FAILED', 'UNSUPPORTED_FOR_MESSAGE_FORMAT']);

export function isTransactionsUnsupported(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'KafkaJSServerDoesNotSupportApiKey') return true;
  const type = (err as { type?: unknown }).type;
  return typeof type === 'string' && UNSUPPORTED_TYPES.has(type);
}
