import * as z from 'zod';

/** `GET /api/session`, and the answer of `POST` and `DELETE` on it: does this server need the API token, has this browser given it. */
export const sessionStateSchema = z.object({ tokenRequired: z.boolean(), signedIn: z.boolean() });
export type SessionState = z.output<typeof sessionStateSchema>;

/** `POST /api/session`: the token, once; the answer sets the session cookie. */
export const signInSchema = z.strictObject({
  token: z.string({ error: 'give the API token as a string' }).min(1, { error: 'the API token cannot be empty' }),
});
export type SignInRequest = z.input<typeof signInSchema>;
