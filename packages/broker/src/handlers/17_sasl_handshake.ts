// SaslHandshake v0–1: the client names a mechanism; on a SASL listener we answer the enabled ones and
// expect SaslAuthenticate requests next (v0's raw tokens are not served: every client we serve sends
// v1). Anywhere else, or a second time, it is ILLEGAL_SASL_STATE, as Kafka answers.
import { ErrorCode } from '@sluice/kafka-protocol';
import { defineHandler } from './handler.js';

export const saslHandshakeHandler = defineHandler({
  apiKey: 17,
  versions: { min: 1, max: 1 },
  advertised: { min: 0, max: 1 },
  handle(_state, request, ctx) {
    const sasl = ctx.connection.sasl;
    if (!sasl || sasl.state !== 'handshake') return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: [] };
    const ok = sasl.handshake(request.mechanism);
    return { errorCode: ok ? ErrorCode.NONE : ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [...sasl.mechanisms] };
  },
});
