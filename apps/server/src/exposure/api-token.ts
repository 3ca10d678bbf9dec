import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The server's API token: compared in constant time, and the session value the web app's cookie holds. */
export class ApiToken {
  private readonly digest: Buffer;
  /** What the session cookie holds: derived from the token, so the token itself never sits in a cookie. */
  readonly sessionValue: string;

  constructor(token: string) {
    this.digest = sha256(token);
    this.sessionValue = createHmac('sha256', token).update('sluice web session').digest('base64url');
  }

  /** Whether `given` is the token (digests compared, so neither its length nor its content leaks through timing). */
  matches(given: string): boolean {
    return timingSafeEqual(sha256(given), this.digest);
  }

  matchesSession(value: string): boolean {
    return timingSafeEqual(sha256(value), sha256(this.sessionValue));
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The token of an `Authorization: Bearer <token>` header, undefined without one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec((header ?? '').trim());
  return match?.[1];
}
