// SaslAuthenticate v0–1: one SASL token each way per request. A failed exchange answers
// SASL_AUTHENTICATION_FAILED with a message that names the user and mechanism, and every later
// request on the connection closes it.
import { ErrorCode } from '@sluice/kafka-protocol';
import { AuthenticationFailure } from '../security/index.js';
import { defineHandler } from './handler.js';

export const saslAuthenticateHandler = defineHandler({
  apiKey: 36,
  versions: { min: 0, max: 1 },
  advertised: { min: 0, max: 1 },
  handle(state, request, ctx) {
    const sasl = ctx.connection.sasl;
    if (!sasl || sasl.state !== 'authenticating') {
      return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: 'SaslAuthenticate needs a SaslHandshake first', authBytes: Buffer.alloc(0), sessionLifetimeMs: 0n };
    }
    try {
      const authBytes = sasl.authenticate(request.authBytes);
      if (sasl.authenticated) state.logger.info(`connection ${ctx.connection.remote} authenticated as ${sasl.principal}`);
      return { errorCode: ErrorCode.NONE, errorMessage: null, authBytes, sessionLifetimeMs: 0n };
    } catch (err) {
      if (!(err instanceof AuthenticationFailure)) throw err;
      state.logger.warn(`connection ${ctx.connection.remote}: ${err.message}`);
      return { errorCode: ErrorCode.SASL_AUTHENTICATION_FAILED, errorMessage: err.message, authBytes: Buffer.alloc(0), sessionLifetimeMs: 0n };
    }
  },
});
