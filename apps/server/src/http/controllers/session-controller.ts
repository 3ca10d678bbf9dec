import type { Request, Response } from 'express';
import { signInSchema, type SessionState } from '@sluice/api';
import { UnauthorizedError } from '../../errors.js';
import { clearSessionCookie, sessionCookieOf, setSessionCookie, type ApiToken, type RefusalLog } from '../../exposure/index.js';
import { parseRequest } from '../parse-request.js';

const answer = (res: Response, state: SessionState) => res.json(state);

/**
 * The web app's sign-in: it sends the token once, and the server answers with a session cookie
 * that every later call and server-sent-event stream of that browser carries.
 */
export function sessionController(token: ApiToken | undefined, log: RefusalLog) {
  const port = (req: Request) => req.socket.localPort ?? 0;
  return {
    /** Whether this server needs the token, and whether this browser has signed in. */
    state(req: Request, res: Response) {
      const session = sessionCookieOf(req.headers.cookie, port(req));
      const signedIn = token === undefined || (session !== undefined && token.matchesSession(session));
      answer(res, { tokenRequired: token !== undefined, signedIn });
    },
    signIn(req: Request, res: Response) {
      const { token: given } = parseRequest(signInSchema, req.body ?? {}, 'sign-in');
      if (token === undefined) {
        answer(res, { tokenRequired: false, signedIn: true });
        return;
      }
      if (!token.matches(given)) {
        const reason = 'that is not the API token of this server (SLUICE_API_TOKEN where the server runs)';
        log.refused(req.socket.remoteAddress, 'POST /api/session', reason);
        throw new UnauthorizedError(reason);
      }
      answer(res.set('Set-Cookie', setSessionCookie(port(req), token.sessionValue)), { tokenRequired: true, signedIn: true });
    },
    signOut(req: Request, res: Response) {
      answer(res.set('Set-Cookie', clearSessionCookie(port(req))), { tokenRequired: token !== undefined, signedIn: token === undefined });
    },
  };
}
