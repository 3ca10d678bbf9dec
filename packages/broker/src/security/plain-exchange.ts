// SASL/PLAIN (RFC 4616): one token `authzid NUL authcid NUL password`. Only safe over TLS, as in Kafka.
import type { CredentialStore } from './credentials.js';
import { AuthenticationFailure, failedFor, type SaslExchange } from './sasl-mechanism.js';

export function plainExchange(users: CredentialStore): SaslExchange {
  return {
    evaluate(token) {
      const parts = token.toString('utf8').split('\0');
      if (parts.length !== 3) throw new AuthenticationFailure('invalid SASL/PLAIN token: expected authzid, user and password separated by NUL');
      const [authzid, user, password] = parts;
      if (!user) throw new AuthenticationFailure('invalid SASL/PLAIN token: no user name');
      if (authzid && authzid !== user) throw new AuthenticationFailure(`SASL/PLAIN: user ${user} may not act as ${authzid}`);
      if (!users.verifyPlain(user, password)) throw failedFor(user, 'PLAIN');
      return { done: true, response: Buffer.alloc(0), principal: user };
    },
  };
}
