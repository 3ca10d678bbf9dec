import type * as z from 'zod';
import { InvalidRequestError, type ApiIssue } from '../errors.js';

/** Parses a request part with a schema; a mismatch is a 400 naming each field. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: ApiIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = issues[0]!;
  throw new InvalidRequestError(`${what}: ${first.path ? `${first.path}: ` : ''}${first.message}`, issues);
}
