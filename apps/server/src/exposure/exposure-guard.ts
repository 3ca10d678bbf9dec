import type { Request, RequestHandler } from 'express';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { AllowedHosts } from './allowed-hosts.js';
import { bearerToken, type ApiToken } from './api-token.js';
import type { RefusalLog } from './refusal-log.js';
import { crossOriginReason } from './request-origin.js';
import { sessionCookieOf } from './session-cookie.js';

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface ExposureSettings {
  readonly allowedHosts: AllowedHosts;
  /** Set when the server needs its API token (a non-loopback address). */
  readonly token?: ApiToken | undefined;
  readonly log: RefusalLog;
}

function what(req: Request): string {
  return `${req.method} ${req.originalUrl.split('?')[0]}`;
}

/** Every request, the web app and server-sent events included, must name this server in its Host. */
export function hostGuard(s: ExposureSettings): RequestHandler {
  return (req, _res, next) => {
    const host = req.headers.host;
    if (s.allowedHosts.allows(host)) return next();
    const reason =
      host === undefined
        ? 'the request has no Host header'
        : `Host "${host}" is not a name of this server (it answers to ${s.allowedHosts.describe()} and IP addresses); add the name with --allowed-hosts`;
    s.log.refused(req.socket.remoteAddress, what(req), reason);
    next(new ForbiddenError(reason));
  };
}

/** POST, PUT, PATCH and DELETE only from the app's own page, or with the API token. */
export function originGuard(s: ExposureSettings): RequestHandler {
  return (req, _res, next) => {
    if (READ_ONLY.has(req.method)) return next();
    const bearer = bearerToken(req.get('authorization'));
    if (bearer !== undefined && s.token?.matches(bearer)) return next();
    const reason = crossOriginReason({ host: req.headers.host, origin: req.get('origin'), secFetchSite: req.get('sec-fetch-site') });
    if (reason === undefined) return next();
    s.log.refused(req.socket.remoteAddress, what(req), `${reason} (Origin ${req.get('origin') ?? 'not sent'})`);
    next(new ForbiddenError(reason));
  };
}

/** Open even when a token is needed: liveness, and the sign-in that the web app needs first. */
function openWithoutToken(req: Request): boolean {
  return ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/health') || req.path === '/session';
}

/**
 * With a token required, every call under /api but health and sign-in needs it: as
 * `Authorization: Bearer <token>`, or as the web app's session cookie. Reads too, since topics,
 * taps, dead letters, live snapshots and pipeline definitions are the user's data.
 */
export function tokenGuard(s: ExposureSettings): RequestHandler {
  return (req, _res, next) => {
    const token = s.token;
    if (token === undefined || openWithoutToken(req)) return next();
    const bearer = bearerToken(req.get('authorization'));
    let reason: string;
    if (bearer !== undefined) {
      if (token.matches(bearer)) return next();
      reason = 'the API token is not valid for this server';
    } else {
      const session = sessionCookieOf(req.headers.cookie, req.socket.localPort ?? 0);
      if (session !== undefined && token.matchesSession(session)) return next();
      reason =
        session === undefined
          ? 'this server requires its API token: send "Authorization: Bearer <SLUICE_API_TOKEN>", or sign in on its web page'
          : "the web page's sign-in is for another API token; sign in again";
    }
    s.log.refused(req.socket.remoteAddress, what(req), reason);
    next(new UnauthorizedError(reason));
  };
}
