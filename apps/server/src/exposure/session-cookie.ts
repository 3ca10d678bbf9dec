import { parse, serialize } from 'cookie';

/**
 * The web app's sign-in, kept in a cookie because EventSource cannot send an Authorization header.
 * HttpOnly keeps it from scripts, SameSite=Strict from requests other sites start. Cookies ignore
 * ports, so the name carries the server's port: two servers on one machine keep their own.
 */
export function sessionCookieName(port: number): string {
  return `sluice-session-${port}`;
}

export function sessionCookieOf(cookieHeader: string | undefined, port: number): string | undefined {
  if (!cookieHeader) return undefined;
  return parse(cookieHeader)[sessionCookieName(port)];
}

/** A cookie for this browser session only (no expiry): closing the browser signs out. */
export function setSessionCookie(port: number, value: string): string {
  return serialize(sessionCookieName(port), value, { httpOnly: true, sameSite: 'strict', path: '/api' });
}

export function clearSessionCookie(port: number): string {
  return serialize(sessionCookieName(port), '', { httpOnly: true, sameSite: 'strict', path: '/api', maxAge: 0 });
}
