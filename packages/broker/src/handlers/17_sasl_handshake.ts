// SaslHandshake v0–1: the client names a mechanism; on a SASL listener we answer the enabled ones.
// After v1 the tokens come in SaslAuthenticate requests; after v0 (kafka-python) as bare size-prefixed
// frames, which the dispatcher hands to the session. Anywhere else, or a second time, it is
// ILLEGAL_SASL_STATE, as Kafka answers.
import { ErrorCode } from '@sluice/kafka-protocol';
import { defineHandler } from './handler.js';

export const saslHandshakeHandler = defineHandler({
  apiKey: 17,
  versions: { min: 0, max: 1 },
  advertised: { min: 0, max: 1 },
  handle(_state, request, ctx) {
    const sasl = ctx.connection.sasl;
    if (!sasl || sasl.state !== 'handshake') return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: [] };
    const ok = sasl.handshake(request.mechanism, ctx.apiVersion);
    return { errorCode: ok ? ErrorCode.NONE : ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [...sasl.mechanisms] };
  },
});
