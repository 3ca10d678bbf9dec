import { describe, expect, it } from 'vitest';
import { ApiToken, bearerToken } from './api-token.js';
import { sessionCookieOf, setSessionCookie } from './session-cookie.js';

describe('ApiToken', () => {
  const token = new ApiToken('s3cret-token');

  it('matches the token and nothing else', () => {
    expect(token.matches('s3cret-token')).toBe(true);
    expect(token.matches('s3cret-toke')).toBe(false);
    expect(token.matches('')).toBe(false);
  });

  it('keeps a session value that is not the token and that only the same token gives', () => {
    expect(token.sessionValue).not.toContain('s3cret');
    expect(token.matchesSession(token.sessionValue)).toBe(true);
    expect(token.matchesSession(new ApiToken('other').sessionValue)).toBe(false);
    expect(new ApiToken('s3cret-token').sessionValue).toBe(token.sessionValue);
  });

  it('reads a bearer header', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for this port only', () => {
    const set = setSessionCookie(3000, 'v');
    expect(set).toMatch(/^sluice-session-3000=v;/);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(sessionCookieOf('a=b; sluice-session-3000=v; sluice-session-4000=w', 3000)).toBe('v');
    expect(sessionCookieOf('sluice-session-4000=w', 3000)).toBeUndefined();
  });
});
