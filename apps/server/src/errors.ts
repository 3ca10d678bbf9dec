import type { ApiIssue } from '@sluice/api';

export type { ApiIssue } from '@sluice/api';

/**
 * An error the API answers with its own status and message. Services throw these; the error
 * middleware turns them into `{ error, issues? }`. Anything else becomes a 500 without details.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: readonly ApiIssue[],
  ) {
    super(message);
  }
}

/** 400: the request cannot be acted on as written. */
export class InvalidRequestError extends ApiError {
  override name = 'InvalidRequestError';
  constructor(message: string, issues?: readonly ApiIssue[]) {
    super(400, message, issues);
  }
}

/** 404: an unknown pipeline id, topic or route. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(404, message);
  }
}

/** 409: a pipeline name that is taken, a topic that exists. */
export class ConflictError extends ApiError {
  override name = 'ConflictError';
  constructor(message: string) {
    super(409, message);
  }
}

/** 401: a mutating call without the server's API token. */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
  constructor(message: string) {
    super(401, message);
  }
}

/** 403: a request from another site's page, or under a name that is not this server's. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
  constructor(message: string) {
    super(403, message);
  }
}

/** 503: the Kafka cluster cannot be reached right now. */
export class BrokerUnavailableError extends ApiError {
  override name = 'BrokerUnavailableError';
  constructor(message: string) {
    super(503, message);
  }
}
