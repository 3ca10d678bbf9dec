import { ErrorCode } from '@sluice/kafka-protocol';
import { TopicError } from '../cluster/topic-registry.js';

/** A topic operation's failure as the response's errorCode and errorMessage. */
export function topicErrorFields(err: unknown): { errorCode: number; errorMessage: string } {
  if (err instanceof TopicError) return { errorCode: ErrorCode[err.errorName], errorMessage: err.message };
  return { errorCode: ErrorCode.UNKNOWN_SERVER_ERROR, errorMessage: err instanceof Error ? err.message : String(err) };
}
