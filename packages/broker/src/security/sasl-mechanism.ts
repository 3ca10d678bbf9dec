/** One SASL exchange on the server side: takes each client token and answers the next server token. */
export interface SaslExchange {
  /** `done` once the client is authenticated; a thrown AuthenticationFailure ends the exchange. */
  evaluate(token: Buffer): { done: boolean; response: Buffer; principal?: string };
}

/** Wrong credentials or a malformed token. The message is sent to the client, so it names no secret. */
export class AuthenticationFailure extends Error {}

export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type SaslMechanismName = (typeof SASL_MECHANISMS)[number];

export function failedFor(user: string, mechanism: SaslMechanismName): AuthenticationFailure {
  return new AuthenticationFailure(`authentication failed for user ${user} (SASL/${mechanism}): invalid username or password`);
}
