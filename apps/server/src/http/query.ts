import type { Request } from 'express';
import { InvalidRequestError } from '../errors.js';

/** `?deploy=false` saves without running; absent or `true` deploys. */
export function deployFlag(req: Request): boolean {
  const value = req.query.deploy;
  if (value === undefined || value === 'true' || value === '1' || value === '') return true;
  if (value === 'false' || value === '0') return false;
  throw new InvalidRequestError('deploy must be true or false');
}

/** A true/false query flag such as `?force=true`; `fallback` when absent. */
export function flag(req: Request, name: string, fallback: boolean): boolean {
  const value = req.query[name];
  if (value === undefined) return fallback;
  if (value === 'true' || value === '1' || value === '') return true;
  if (value === 'false' || value === '0') return false;
  throw new InvalidRequestError(`${name} must be true or false`);
}

/** Route parameters as strings (Express 5 types them loosely). */
export function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : String(value);
}
