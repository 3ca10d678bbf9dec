import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { UnauthorizedError } from '../errors.js';

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * With an API token set, every mutating call needs `Authorization: Bearer <token>`; reads stay open.
 * Without one (the loopback default) nothing is checked.
 */
export function requireTokenForChanges(token: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (token === undefined || READ_ONLY.has(req.method)) return next();
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match) return next(new UnauthorizedError('this server requires an API token for changes: send "Authorization: Bearer <SLUICE_API_TOKEN>"'));
    if (!sameToken(match[1]!, token)) return next(new UnauthorizedError('the API token is not valid for this server'));
    next();
  };
}
