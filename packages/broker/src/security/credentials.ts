import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
export const SCRAM_MECHANISMS: readonly ScramMechanism[] = ['SCRAM-SHA-256', 'SCRAM-SHA-512'];

/** Kafka's default and minimum for SCRAM credentials. */
export const SCRAM_ITERATIONS = 4096;

/** What RFC 5802 lets a server keep instead of the password. */
export interface ScramCredential {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

export const scramHash = (m: ScramMechanism): 'sha256' | 'sha512' => (m === 'SCRAM-SHA-256' ? 'sha256' : 'sha512');
const keyLength = (m: ScramMechanism) => (m === 'SCRAM-SHA-256' ? 32 : 64);

export function scramCredential(mechanism: ScramMechanism, password: string, salt = randomBytes(16), iterations = SCRAM_ITERATIONS): ScramCredential {
  const hash = scramHash(mechanism);
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, keyLength(mechanism), hash);
  const clientKey = createHmac(hash, salted).update('Client Key').digest();
  return {
    salt,
    iterations,
    storedKey: createHash(hash).update(clientKey).digest(),
    serverKey: createHmac(hash, salted).update('Server Key').digest(),
  };
}

interface PlainCredential {
  salt: Buffer;
  hash: Buffer;
}

const plainHash = (password: string, salt: Buffer) => pbkdf2Sync(password, salt, SCRAM_ITERATIONS, 32, 'sha256');

/**
 * The broker's users. Passwords from the JAAS config are hashed when the broker starts and never
 * kept: a salted PBKDF2 hash for PLAIN, and RFC 5802 keys per SCRAM mechanism.
 */
export class CredentialStore {
  private readonly plain = new Map<string, PlainCredential>();
  private readonly scram = new Map<string, ScramCredential>();

  constructor(users: ReadonlyMap<string, string>, mechanisms: readonly string[]) {
    for (const [user, password] of users) {
      if (mechanisms.includes('PLAIN')) {
        const salt = randomBytes(16);
        this.plain.set(user, { salt, hash: plainHash(password, salt) });
      }
      for (const m of SCRAM_MECHANISMS) if (mechanisms.includes(m)) this.scram.set(`${m}\0${user}`, scramCredential(m, password));
    }
  }

  get size(): number {
    return new Set([...this.plain.keys(), ...[...this.scram.keys()].map((k) => k.split('\0')[1])]).size;
  }

  verifyPlain(user: string, password: string): boolean {
    const c = this.plain.get(user);
    if (!c) return false;
    return timingSafeEqual(plainHash(password, c.salt), c.hash);
  }

  scramCredential(mechanism: ScramMechanism, user: string): ScramCredential | undefined {
    return this.scram.get(`${mechanism}\0${user}`);
  }
}
