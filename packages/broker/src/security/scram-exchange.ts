// SASL/SCRAM-SHA-256 and -512 (RFC 5802, RFC 7677) without channel binding, as Kafka serves them:
// client-first → server-first (nonce, salt, iterations) → client-final (proof) → server-final.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { scramHash, type CredentialStore, type ScramCredential, type ScramMechanism } from './credentials.js';
import { AuthenticationFailure, failedFor, type SaslExchange } from './sasl-mechanism.js';

/** `a=1,b=2` → Map; values may contain "=". */
function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) out.set(part[0], part.slice(2));
  }
  return out;
}

/** RFC 5802 saslname: "=2C" is ",", "=3D" is "="; any other "=" is malformed. */
function decodeSaslName(name: string): string {
  if (/=(?!2C|3D)/.test(name)) throw new AuthenticationFailure('invalid SCRAM user name encoding');
  return name.replace(/=2C/g, ',').replace(/=3D/g, '=');
}

export function scramExchange(
  mechanism: ScramMechanism,
  users: Pick<CredentialStore, 'scramCredential'>,
  serverNonce: () => string = () => randomBytes(18).toString('base64url'),
): SaslExchange {
  const hash = scramHash(mechanism);
  let step: 'first' | 'final' | 'done' = 'first';
  let gs2Header = '';
  let clientFirstBare = '';
  let serverFirst = '';
  let nonce = '';
  let user = '';
  let credential: ScramCredential | undefined;

  return {
    evaluate(token) {
      const text = token.toString('utf8');
      if (step === 'first') {
        // gs2-header: cbind flag "n" or "y" (no channel binding), optional authzid, then the bare message.
        const m = /^([ny]),(a=[^,]*)?,(.*)$/.exec(text);
        if (!m) throw new AuthenticationFailure(`invalid SASL/${mechanism} first message (channel binding is not supported)`);
        gs2Header = text.slice(0, text.length - m[3].length);
        clientFirstBare = m[3];
        const attrs = attributes(clientFirstBare);
        const clientNonce = attrs.get('r');
        user = decodeSaslName(attrs.get('n') ?? '');
        if (!user || !clientNonce) throw new AuthenticationFailure(`invalid SASL/${mechanism} first message: no user name or nonce`);
        credential = users.scramCredential(mechanism, user);
        if (!credential) throw failedFor(user, mechanism);
        nonce = clientNonce + serverNonce();
        serverFirst = `r=${nonce},s=${credential.salt.toString('base64')},i=${credential.iterations}`;
        step = 'final';
        return { done: false, response: Buffer.from(serverFirst) };
      }
      if (step !== 'final' || !credential) throw new AuthenticationFailure(`SASL/${mechanism} exchange already finished`);
      step = 'done';
      const proofAt = text.lastIndexOf(',p=');
      if (proofAt < 0) throw new AuthenticationFailure(`invalid SASL/${mechanism} final message: no proof`);
      const withoutProof = text.slice(0, proofAt);
      const attrs = attributes(withoutProof);
      // Kafka checks that the nonce ends with the one it sent; librdkafka 2.0 repeats the client's part.
      if (attrs.get('c') !== Buffer.from(gs2Header).toString('base64') || !attrs.get('r')?.endsWith(nonce)) {
        throw new AuthenticationFailure(`invalid SASL/${mechanism} final message: channel binding or nonce does not match`);
      }
      const proof = Buffer.from(text.slice(proofAt + 3), 'base64');
      const authMessage = `${clientFirstBare},${serverFirst},${withoutProof}`;
      const clientSignature = createHmac(hash, credential.storedKey).update(authMessage).digest();
      if (proof.length !== clientSignature.length) throw failedFor(user, mechanism);
      const clientKey = Buffer.alloc(proof.length);
      for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ clientSignature[i];
      if (!timingSafeEqual(createHash(hash).update(clientKey).digest(), credential.storedKey)) throw failedFor(user, mechanism);
      const serverSignature = createHmac(hash, credential.serverKey).update(authMessage).digest();
      return { done: true, response: Buffer.from(`v=${serverSignature.toString('base64')}`), principal: user };
    },
  };
}
