import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError, NotFoundError } from '../errors.js';
import { messageOf, type Logger } from '../logger.js';

/** What body-parser puts on its errors (via http-errors). */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function bodyParserError(err: unknown): { status: number; message: string } | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as BodyParserError;
  switch (e.type) {
    case 'entity.too.large':
      return { status: 413, message: `the request body is larger than the ${Math.round((e.limit ?? 0) / 1024)} KiB this server accepts` };
    case 'entity.parse.failed':
      return { status: 400, message: `the request body is not valid JSON: ${messageOf(err)}` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: `${messageOf(err)}; send JSON in UTF-8` };
    case 'request.aborted':
      return { status: 400, message: 'the request was aborted while its body was being read' };
    default:
      return undefined;
  }
}

/**
 * The one place errors become responses: `{ error, issues? }` with the status the error stands for.
 * Unexpected errors are logged and answered with a 500 that reveals no internals.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof ApiError) {
      res.status(err.status);
      if (err.status === 401) res.set('WWW-Authenticate', 'Bearer realm="sluice"');
      res.json({ error: err.message, ...(err.issues ? { issues: err.issues } : {}) });
      return;
    }
    const parsing = bodyParserError(err);
    if (parsing) {
      res.status(parsing.status).json({ error: parsing.message });
      return;
    }
    logger.error(`${req.method} ${req.originalUrl} failed: ${err instanceof Error && err.stack ? err.stack : messageOf(err)}`);
    res.status(500).json({ error: 'internal server error; the server log has the details' });
  };
}

/** Unknown routes under /api answer 404 in JSON, like every other API error. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`no API route ${req.method} ${req.originalUrl.split('?')[0]}; GET /api lists the routes`));
};
