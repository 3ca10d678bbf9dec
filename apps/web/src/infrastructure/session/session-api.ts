import { errorBodySchema, sessionStateSchema, type SessionState, type SignInRequest } from '@sluice/api';

/**
 * The web app's credentials. A server that needs its API token takes it once at
 * `POST /api/session` and answers with an HttpOnly, SameSite=Strict session cookie; the browser then
 * sends that cookie with every same-origin `fetch` and `EventSource` (which cannot send headers),
 * so no other module handles the token, and no script can read it back.
 */
export type { SessionState } from '@sluice/api';

/** Whether this server needs the token and whether this browser has given it; open when unknown. */
export async function readSession(fetchImpl: typeof fetch = fetch): Promise<SessionState> {
  try {
    const response = await fetchImpl('/api/session', { headers: { accept: 'application/json' } });
    const parsed = sessionStateSchema.safeParse(await response.json());
    // A server without sign-in (or one that cannot be reached): the app shows its own errors.
    return parsed.success ? parsed.data : { tokenRequired: false, signedIn: true };
  } catch {
    return { tokenRequired: false, signedIn: true };
  }
}

/** Signs this browser in; resolves to null, or to the reason the server gave for refusing. */
export async function signIn(token: string, fetchImpl: typeof fetch = fetch): Promise<string | null> {
  let response: Response;
  try {
    response = await fetchImpl('/api/session', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ token } satisfies SignInRequest),
    });
  } catch {
    return 'Cannot reach the Sluice server: check that it is running, then try again.';
  }
  if (response.ok) return null;
  const body = errorBodySchema.safeParse(await response.json().catch(() => undefined));
  return body.success ? body.data.error : `The server answered ${response.status}.`;
}
