import type { CredentialStore } from './credentials.js';
import { plainExchange } from './plain-exchange.js';
import { AuthenticationFailure, type SaslExchange, type SaslMechanismName } from './sasl-mechanism.js';
import { scramExchange } from './scram-exchange.js';

/** What a SASL listener offers: the enabled mechanisms and the users they check. */
export interface SaslServerSettings {
  mechanisms: readonly SaslMechanismName[];
  users: CredentialStore;
}

export type SaslState = 'handshake' | 'authenticating' | 'authenticated' | 'failed';

/**
 * The SASL state of one connection on a SASL listener. Until it is authenticated the connection
 * may send only ApiVersions, SaslHandshake and SaslAuthenticate; anything else closes it, as Kafka
 * does.
 */
export class SaslSession {
  state: SaslState = 'handshake';
  principal: string | undefined;
  /** After SaslHandshake v0 the SASL tokens come as bare size-prefixed frames, not SaslAuthenticate. */
  rawTokens = false;
  private exchange: SaslExchange | undefined;

  constructor(private readonly settings: SaslServerSettings) {}

  get mechanisms(): readonly string[] {
    return this.settings.mechanisms;
  }

  get authenticated(): boolean {
    return this.state === 'authenticated';
  }

  /** True while the next frame is a bare SASL token (after a v0 handshake). */
  get expectsRawToken(): boolean {
    return this.rawTokens && this.state === 'authenticating';
  }

  /** Picks the mechanism; false when it is not enabled. */
  handshake(mechanism: string, version: number): boolean {
    const m = this.settings.mechanisms.find((x) => x === mechanism);
    if (!m) return false;
    this.exchange = m === 'PLAIN' ? plainExchange(this.settings.users) : scramExchange(m, this.settings.users);
    this.state = 'authenticating';
    this.rawTokens = version === 0;
    return true;
  }

  /** One client token; throws AuthenticationFailure (and the session is failed) on bad credentials. */
  authenticate(token: Buffer): Buffer {
    if (this.state !== 'authenticating' || !this.exchange) throw new AuthenticationFailure('SaslAuthenticate before SaslHandshake');
    try {
      const { done, response, principal } = this.exchange.evaluate(token);
      if (done) {
        this.state = 'authenticated';
        this.principal = principal;
      }
      return response;
    } catch (err) {
      this.state = 'failed';
      throw err;
    }
  }
}
