// FindCoordinator v0–2: this single node coordinates every group (key type 0) and every
// transactional id (key type 1); other key types are an INVALID_REQUEST.
import { ErrorCode, type FindCoordinatorRequest, type FindCoordinatorResponseInput } from '@sluice/kafka-protocol';
import { defineHandler } from './handler.js';

const GROUP = 0;
const TRANSACTION = 1;

export const findCoordinatorHandler = defineHandler({
  apiKey: 10,
  versions: { min: 0, max: 2 },
  advertised: { min: 0, max: 2 },
  handle(state, req, ctx) {
    if (req.keyType !== GROUP && req.keyType !== TRANSACTION) {
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: `unknown coordinator key type ${req.keyType}; use 0 (group) or 1 (transaction)`,
        nodeId: -1,
        host: '',
        port: -1,
      };
    }
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      nodeId: state.settings.nodeId,
      host: ctx.connection.listener.advertised.host,
      port: ctx.connection.listener.advertised.port,
    };
  },
});
